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
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (Errors)
                {
                    Errors.Add(message.Text);
                }
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                lock (Errors)
                {
                    Errors.Add($"{response.Status} {response.Request.Method} {response.Url}");
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (Errors)
            {
                Errors.Add(error);
            }
        };
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

    /// <summary>Opens <paramref name="url"/> and waits until the page is interactive (the server-rendered HTML shows
    /// first; a click before the circuit is connected does nothing).</summary>
    public static async Task GotoInteractiveAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await Assertions.Expect(page.Locator("[data-interactive='true']")).ToHaveCountAsync(1, new() { Timeout = 20_000 });
    }

    /// <summary>Waits (up to 5 s) for the page to be at most <paramref name="width"/> pixels wide after a viewport change:
    /// the layout settles a moment later (click ripples fade, breakpoints apply). Returns either way; the caller asserts
    /// the width, so a page that never fits still fails, naming what sticks out.</summary>
    public static async Task SettledWidthAsync(IPage page, int width)
    {
        try
        {
            await page.WaitForFunctionAsync($"document.documentElement.scrollWidth <= {width}", null, new() { Timeout = 5_000 });
        }
        catch (TimeoutException)
        {
            // The assertion that follows reports it.
        }
    }

    /// <summary>Console errors and uncaught exceptions of the pages this browser opened.</summary>
    public List<string> Errors { get; } = [];

    /// <summary>Saves a screenshot and the page's HTML under <c>browser-output/</c> in the test output folder (kept by CI
    /// with the test results), named after <paramref name="name"/>; returns the screenshot's path.</summary>
    public static async Task<string> CaptureAsync(IPage page, string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "browser-output");
        Directory.CreateDirectory(folder);
        var screenshot = Path.Combine(folder, $"{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        await File.WriteAllTextAsync(Path.Combine(folder, $"{name}.html"), await page.ContentAsync());
        return screenshot;
    }

    /// <summary>Runs <paramref name="steps"/> on a new page; when they fail, saves a screenshot and the HTML first.</summary>
    public async Task OnPageAsync(string name, Func<IPage, Task> steps)
    {
        var page = await NewPageAsync();
        try
        {
            await steps(page);
        }
        catch (Exception e)
        {
            var screenshot = await CaptureAsync(page, $"failed-{name}");
            string errors;
            lock (Errors)
            {
                errors = Errors.Count == 0 ? "none" : string.Join("\n", Errors);
            }

            throw new Xunit.Sdk.XunitException($"{e.Message}\nBrowser errors: {errors}\nScreenshot and HTML: {screenshot}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
