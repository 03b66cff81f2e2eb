using Orchestrator.Server.Tests.Hosting;

namespace Orchestrator.Server.Tests.Api;

/// <summary>Runs after every other test class of the suite (a non-parallel collection runs once the parallel ones are done).</summary>
[CollectionDefinition(nameof(AfterEverythingElse), DisableParallelization = true)]
public sealed class AfterEverythingElse;

/// <summary>Every status any test saw the API answer is declared in the OpenAPI document for that route
/// (see <see cref="ObservedStatuses"/>): a client generated from the document knows every answer it can get.</summary>
[Collection(nameof(AfterEverythingElse))]
public sealed class OpenApiStatusesTests
{
    [Fact]
    public void Every_answer_the_tests_observed_is_declared_in_the_openapi_document()
    {
        var (started, reported, findings) = ObservedStatuses.Summary;

        started.Should().BeGreaterThan(10, "this runs after the suite's other tests, which start many servers");
        reported.Should().Be(started, "every server the suite started has stopped and reported what it answered");
        findings.Should().BeEmpty("each route declares the statuses it answers (ProducesProblem, ProducesValidationProblem or Results<…>); undeclared:\n{0}",
            string.Join("\n", findings));
    }
}
