namespace Orchestrator.Templating;

/// <summary>
/// Converts values between .NET and the sandbox. Into scripts (<see cref="ToScript"/>): primitives, dates, GUIDs, enums,
/// dictionaries, lists and JSON become Scriban objects, arrays and primitives, keys kept exactly as given; any other
/// object is refused so that no .NET object is ever reflected into a script. Out of scripts (<see cref="FromScript"/>,
/// <see cref="ToJson"/>): plain .NET or JSON values.
/// </summary>
public static partial class ScriptValues
{
    // Deep enough for any real incident or alert payload; deeper usually means a cycle.
    private const int MaxDepth = 64;

    private static void EnsureDepth(int depth)
    {
        if (depth > MaxDepth)
        {
            throw new ArgumentException($"The value is nested more than {MaxDepth} levels deep or refers to itself.");
        }
    }

    private static string DescribeType(object value) => value.GetType().FullName ?? value.GetType().Name;
}
