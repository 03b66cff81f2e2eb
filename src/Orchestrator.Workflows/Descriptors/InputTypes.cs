namespace Orchestrator.Workflows.Descriptors;

/// <summary>Value types of inputs, outputs and variables.</summary>
public static class InputTypes
{
    public const string String = "String";
    public const string Number = "Number";
    public const string Boolean = "Boolean";
    public const string Object = "Object";
    public const string Array = "Array";
    public const string Any = "Any";

    public static IReadOnlyList<string> All { get; } = [String, Number, Boolean, Object, Array, Any];
}
