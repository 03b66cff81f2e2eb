using Microsoft.Playwright;

namespace Orchestrator.Bench;

/// <summary>Debian's Chromium, headless and software-rendered, as the UI benchmarks drive it (never a downloaded browser).</summary>
internal static class BenchBrowser
{
    private const string Chromium = "/usr/bin/chromium";

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
        });
}
