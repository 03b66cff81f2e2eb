namespace Orchestrator.Sdk;

/// <summary>The kind of value an input takes, which also decides how the designer edits it.</summary>
public enum InputKind
{
    /// <summary>A single line of text.</summary>
    Text,

    /// <summary>Several lines of text.</summary>
    Multiline,

    /// <summary>A number.</summary>
    Number,

    /// <summary>true or false.</summary>
    Boolean,

    /// <summary>One of <see cref="InputAttribute.Options"/>.</summary>
    Select,

    /// <summary>The name of a stored secret; read the value with <see cref="ActionContext.GetSecretAsync"/>.</summary>
    Secret,

    /// <summary>Any JSON value: objects, arrays, numbers, strings.</summary>
    Json,
}
