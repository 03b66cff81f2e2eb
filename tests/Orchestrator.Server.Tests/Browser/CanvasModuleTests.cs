using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Orchestrator.Server.Tests.Browser;

/// <summary>The canvas island's own Vitest tests (graph mapping and the other pure modules in <c>Canvas/test/</c>), run
/// as part of <c>dotnet test</c> so CI counts them; the build has already run <c>npm ci</c> there.</summary>
public sealed class CanvasModuleTests
{
    [Fact]
    public async Task The_canvas_vitest_suite_passes()
    {
        var canvas = CanvasDirectory();
        var report = Path.Combine(Path.GetTempPath(), $"vitest-{Guid.NewGuid():N}.json");
        using var vitest = Process.Start(new ProcessStartInfo("npx", ["vitest", "run", "--reporter=json", $"--outputFile={report}"])
        {
            WorkingDirectory = canvas,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = vitest.StandardOutput.ReadToEndAsync();
        var errors = vitest.StandardError.ReadToEndAsync();
        await vitest.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));

        File.Exists(report).Should().BeTrue($"vitest writes its report (exit {vitest.ExitCode}):\n{await output}\n{await errors}");
        var result = JsonNode.Parse(await File.ReadAllTextAsync(report))!;
        File.Delete(report);
        result["numFailedTests"]!.GetValue<int>().Should().Be(0, await errors);
        result["numPassedTests"]!.GetValue<int>().Should().BeGreaterThan(0);
        vitest.ExitCode.Should().Be(0);
    }

    private static string CanvasDirectory()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var canvas = Path.Combine(folder.FullName, "src", "Orchestrator.Server", "Canvas");
            if (File.Exists(Path.Combine(canvas, "package.json")))
            {
                return canvas;
            }
        }

        throw new DirectoryNotFoundException("src/Orchestrator.Server/Canvas not found above the test output folder.");
    }
}
