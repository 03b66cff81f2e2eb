using Xunit.Abstractions;
using Xunit.Sdk;

namespace Orchestrator.Server.Tests.Hosting;

/// <summary>Marks a test class whose tests run against PostgreSQL; they are skipped when no server is configured.</summary>
public interface IRunsOnPostgreSql;

/// <summary>A fact that is reported as skipped, rather than failed, on PostgreSQL test classes without a server.</summary>
[XunitTestCaseDiscoverer("Orchestrator.Server.Tests.Hosting.DatabaseFactDiscoverer", "Orchestrator.Server.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class DatabaseFactAttribute : FactAttribute;

/// <summary>The theory counterpart of <see cref="DatabaseFactAttribute"/>.</summary>
[XunitTestCaseDiscoverer("Orchestrator.Server.Tests.Hosting.DatabaseTheoryDiscoverer", "Orchestrator.Server.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class DatabaseTheoryAttribute : TheoryAttribute;

internal static class PostgreSqlSkip
{
    public static string? Reason(ITestMethod method) =>
        typeof(IRunsOnPostgreSql).IsAssignableFrom(method.TestClass.Class.ToRuntimeType()) && TestDatabase.PostgresConnectionString is null
            ? $"PostgreSQL tests need {TestDatabase.PostgresVariable} (set by .ci/run)."
            : null;

    public static IXunitTestCase Skipped(IMessageSink sink, ITestFrameworkDiscoveryOptions options, ITestMethod method, string reason) =>
        new XunitSkippedDataRowTestCase(sink, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(), method, reason);
}

public sealed class DatabaseFactDiscoverer(IMessageSink sink) : FactDiscoverer(sink)
{
    private readonly IMessageSink _sink = sink;

    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        PostgreSqlSkip.Reason(testMethod) is { } reason
            ? [PostgreSqlSkip.Skipped(_sink, discoveryOptions, testMethod, reason)]
            : base.Discover(discoveryOptions, testMethod, factAttribute);
}

public sealed class DatabaseTheoryDiscoverer(IMessageSink sink) : TheoryDiscoverer(sink)
{
    private readonly IMessageSink _sink = sink;

    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute) =>
        PostgreSqlSkip.Reason(testMethod) is { } reason
            ? [PostgreSqlSkip.Skipped(_sink, discoveryOptions, testMethod, reason)]
            : base.Discover(discoveryOptions, testMethod, theoryAttribute);
}
