namespace Orchestrator.Templating.Tests;

public class TemplateRenderingTests
{
    private readonly ScriptSandbox _sandbox = new();

    [Fact]
    public void A_template_renders_the_model_with_conditions_and_loops()
    {
        const string template = """
            [P{{ incident.priority }}] {{ incident.title }}
            {{- if incident.isMajor }}
            MAJOR INCIDENT
            {{- end }}
            Tags: {{ for tag in incident.tags }}{{ tag }}{{ if !for.last }}, {{ end }}{{ end }}
            Caller: {{ incident.caller.displayName | string.upcase }}
            """;

        var text = _sandbox.Render(template, Globals.Of(("incident", Globals.IncidentJson())));

        text.Should().Be("[P1] Checkout is down\nMAJOR INCIDENT\nTags: payments, p1\nCaller: ADA");
    }

    [Fact]
    public void A_template_renders_plain_dotnet_values()
    {
        var model = Globals.Of(
            ("name", "Ada"),
            ("count", 3),
            ("items", new[] { "disk", "cpu" }));

        _sandbox.Render("{{ name }} has {{ count }} alerts: {{ items | array.join \"+\" }}", model)
            .Should().Be("Ada has 3 alerts: disk+cpu");
    }

    [Fact]
    public void A_valid_template_has_no_errors()
    {
        _sandbox.ValidateTemplate("Hello {{ incident.title }}{{ if x }}!{{ end }}").Should().BeEmpty();
    }

    [Fact]
    public void Template_parse_errors_carry_line_and_column()
    {
        var errors = _sandbox.ValidateTemplate("Subject: {{ incident.title }}\n\nBody: {{ incident.priority + }}");

        errors.Should().ContainSingle().Which.Should().Match<ScriptError>(error => error.Line == 3 && error.Column == 30);
    }

    [Fact]
    public void An_unclosed_block_is_reported_where_it_opens()
    {
        var errors = _sandbox.ValidateTemplate("Hello\n  {{ if incident.isMajor }} major");

        errors.Should().NotBeEmpty();
        errors[0].Line.Should().Be(2);
        errors[0].Message.Should().Contain("end");
    }

    [Fact]
    public void Rendering_a_template_that_does_not_parse_throws_with_the_position()
    {
        var act = () => _sandbox.Render("ok\n{{ for }}", Globals.Empty);

        act.Should().Throw<ScriptException>().Which.Error.Line.Should().Be(2);
    }

    [Fact]
    public void A_runtime_error_in_a_template_points_at_its_line()
    {
        var act = () => _sandbox.Render("Title: {{ incident.title }}\nOwner: {{ incident.owner }}", Globals.Of(("incident", Globals.IncidentJson())));

        act.Should().Throw<ScriptException>().Which.Error.Should().Be(new ScriptError("Cannot get member with name owner.", 2, 20));
    }

    [Fact]
    public void Huge_output_is_stopped_by_the_output_limit()
    {
        const string template = "{{ s = \"0123456789\"\nfor i in 1..9\n  s = s + s\nend\nfor i in 1..900\n  s\nend }}";

        var act = () => _sandbox.Render(template, Globals.Empty);

        var error = act.Should().Throw<ScriptException>().Which.Error;
        error.Message.Should().Be("output limit of 1000000 characters exceeded");
        error.Line.Should().Be(6);
    }

    [Fact]
    public void Output_under_the_limit_is_rendered_in_full()
    {
        var sandbox = new ScriptSandbox(new SandboxLimits { OutputLimit = 50 });

        sandbox.Render("{{ for i in 1..10 }}abcd{{ end }}", Globals.Empty).Should().HaveLength(40);
        var act = () => sandbox.Render("{{ for i in 1..20 }}abcd{{ end }}", Globals.Empty);
        act.Should().Throw<ScriptException>().Which.Error.Message.Should().Be("output limit of 50 characters exceeded");
    }
}
