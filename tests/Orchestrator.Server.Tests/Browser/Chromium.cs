using Microsoft.Playwright;

namespace Orchestrator.Server.Tests.Browser;

/// <summary>Debian's Chromium driven by Playwright (browsers are never downloaded: <c>.ci/run</c> installs the
/// <c>chromium</c> package). Every request the page makes is recorded, and any that would leave the machine is refused.</summary>
public sealed class Chromium : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private Chromium(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    /// <summary>Requests to anything but loopback, refused before they were sent.</summary>
    public List<string> Outbound { get; } = [];

    public static async Task<Chromium> StartAsync()
    {
        File.Exists(ExecutablePath).Should().BeTrue($"browser tests need Debian's chromium at {ExecutablePath} (apt-get install chromium)");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        return new Chromium(playwright, browser);
    }

    /// <summary>A new page whose requests off loopback are recorded in <see cref="Outbound"/> and aborted.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var page = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        await page.RouteAsync("**/*", async route =>
        {
            var url = new Uri(route.Request.Url);
            if (url.Scheme is "data" or "blob" || url.IsLoopback)
            {
                await route.ContinueAsync();
                return;
            }

            lock (Outbound)
            {
                Outbound.Add(route.Request.Url);
            }

            await route.AbortAsync();
        });
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
