using CampaignAdmin.Contracts.Templates;

namespace CampaignAdmin.Contracts.Tests.Templates;

/// <summary><see cref="TemplateComposer.CountVariables"/> counts the slots <see cref="TemplateComposer.Compose"/> would make, without making them.</summary>
public class TemplateVariableCountTests
{
    private static TemplateComponent Component(string type, string text = "", string format = "", params TemplateButton[] buttons) =>
        new() { Type = type, Text = text, Format = format, Buttons = [.. buttons] };

    public static TheoryData<TemplateComponent[]> Creations => new()
    {
        { [Component("BODY", "Hello")] },
        { [Component("BODY", "Hi {{1}}, order {{2}} for {{1}}")] },
        { [Component("HEADER", format: "IMAGE"), Component("BODY", "Hi {{1}}")] },
        { [Component("HEADER", "News {{x}} {{y}}", "TEXT"), Component("BODY", "{{name}} {{order}}")] },
        { [Component("header", "Plain", "TEXT"), Component("body", "{{1}}"), Component("FOOTER", "{{ignored}}")] },
        {
            [
                Component("BODY", "{{1}}"),
                Component("BUTTONS", buttons:
                [
                    new TemplateButton { Type = "URL", Url = "https://x.test/{{1}}" },
                    new TemplateButton { Type = "URL", Url = "https://x.test/fixed" },
                    new TemplateButton { Type = "COPY_CODE", Example = "SAVE" },
                    new TemplateButton { Type = "QUICK_REPLY", Text = "{{1}}" },
                ]),
            ]
        },
    };

    [Theory]
    [MemberData(nameof(Creations))]
    public void TheCountIsComposesNumberOfSlots(TemplateComponent[] creation) =>
        Assert.Equal(TemplateComposer.Compose("t", "en_US", creation).Variables.Count, TemplateComposer.CountVariables(creation, int.MaxValue));

    [Fact]
    public void TheCountStopsAtItsMaximum()
    {
        TemplateComponent[] creation =
        [
            Component("HEADER", format: "VIDEO"),
            Component("BODY", VariablesScaleTests.Tokens(40_000)),
            Component("BUTTONS", buttons: [.. Enumerable.Range(0, 5000).Select(_ => new TemplateButton { Type = "COPY_CODE" })]),
        ];

        Assert.Equal(1001, TemplateComposer.CountVariables(creation, 1001));
        Assert.Equal(1, TemplateComposer.CountVariables(creation, 1));
    }
}
