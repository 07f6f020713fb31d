using System.Text.Json;
using CampaignAdmin.Contracts.Templates;

namespace CampaignAdmin.Contracts.Tests.Templates;

public class TemplateComposerTests
{
    private static TemplateComponent Header(string format, string text = "", params string[] examples) =>
        new() { Type = ComponentType.Header, Format = format, Text = text, Examples = [.. examples] };

    private static TemplateComponent Body(string text, params string[] examples) =>
        new() { Type = ComponentType.Body, Text = text, Examples = [.. examples] };

    private static TemplateComponent Buttons(params TemplateButton[] buttons) =>
        new() { Type = ComponentType.Buttons, Buttons = [.. buttons] };

    private static JsonElement Components(string compose)
    {
        using var document = JsonDocument.Parse(compose);
        return document.RootElement.GetProperty("template").GetProperty("components").Clone();
    }

    [Fact]
    public void OrderConfirmationComposesTheOnPremisesTemplateShape()
    {
        var (compose, variables) = TemplateComposer.Compose("order_confirmation", "en_US",
            [Body("Thank you for your order, {{1}}! Your order number is {{2}}.", "John", "ORD-12345")]);

        Assert.Equal(
            """{"to":"<accountID>","type":"template","template":{"namespace":"<namespace>","language":{"policy":"deterministic","code":"en_US"},"name":"order_confirmation","components":[{"type":"body","parameters":[{"type":"text","text":"{{1}}"},{"type":"text","text":"{{2}}"}]}]}}""",
            compose);
        Assert.Equal(
            [(1, VariableKind.Body, "Body {{1}}", "John"), (2, VariableKind.Body, "Body {{2}}", "ORD-12345")],
            variables.Select(v => (v.Slot, v.Kind, v.Label, v.Example)));
    }

    [Fact]
    public void ParamsRunMediaHeaderThenBodyThenUrlSuffixThenCopyCode()
    {
        var (compose, variables) = TemplateComposer.Compose("spring_sale", "en_US",
        [
            Header(HeaderFormat.Image, "", "https://example.com/image1.png"),
            Body("Hi {{1}}, {{2}} off today", "Sara", "20%"),
            new TemplateComponent { Type = ComponentType.Footer, Text = "Reply STOP to opt out" },
            Buttons(
                new TemplateButton { Type = ButtonType.QuickReply, Text = "Stop" },
                new TemplateButton { Type = ButtonType.Url, Text = "Shop", Url = "https://example.com/shop/{{1}}", Example = "spring" },
                new TemplateButton { Type = ButtonType.CopyCode, Text = "Copy", Example = "SPRING20" },
                new TemplateButton { Type = ButtonType.PhoneNumber, Text = "Call", PhoneNumber = "+966539078942" }),
        ]);

        Assert.Equal(
            [
                (1, VariableKind.HeaderMedia, "Header image URL", "https://example.com/image1.png"),
                (2, VariableKind.Body, "Body {{1}}", "Sara"),
                (3, VariableKind.Body, "Body {{2}}", "20%"),
                (4, VariableKind.UrlButton, "Button 2 URL suffix", "spring"),
                (5, VariableKind.CopyCode, "Button 3 coupon code", "SPRING20"),
            ],
            variables.Select(v => (v.Slot, v.Kind, v.Label, v.Example)));
        Assert.Equal(5, Variables.CountDistinct(compose));

        var components = Components(compose);
        Assert.Equal(4, components.GetArrayLength());

        var header = components[0];
        Assert.Equal("header", header.GetProperty("type").GetString());
        Assert.Equal("image", header.GetProperty("parameters")[0].GetProperty("type").GetString());
        Assert.Equal("{{1}}", header.GetProperty("parameters")[0].GetProperty("image").GetProperty("link").GetString());

        var body = components[1];
        Assert.Equal("body", body.GetProperty("type").GetString());
        Assert.Equal(["{{2}}", "{{3}}"], body.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("text").GetString()));

        var url = components[2];
        Assert.Equal("button", url.GetProperty("type").GetString());
        Assert.Equal("url", url.GetProperty("sub_type").GetString());
        Assert.Equal("1", url.GetProperty("index").GetString());
        Assert.Equal("{{4}}", url.GetProperty("parameters")[0].GetProperty("text").GetString());

        var code = components[3];
        Assert.Equal("copy_code", code.GetProperty("sub_type").GetString());
        Assert.Equal("2", code.GetProperty("index").GetString());
        Assert.Equal("coupon_code", code.GetProperty("parameters")[0].GetProperty("type").GetString());
        Assert.Equal("{{5}}", code.GetProperty("parameters")[0].GetProperty("coupon_code").GetString());
    }

    [Fact]
    public void TextHeaderVariableComesBeforeBodyVariables()
    {
        var (compose, variables) = TemplateComposer.Compose("shipped", "en_US",
            [Body("Order {{1}} ships {{2}}", "ORD-1", "today"), Header(HeaderFormat.Text, "Hello {{1}}", "Sara")]);

        Assert.Equal(
            [(1, VariableKind.HeaderText, "Header {{1}}", "Sara"), (2, VariableKind.Body, "Body {{1}}", "ORD-1"), (3, VariableKind.Body, "Body {{2}}", "today")],
            variables.Select(v => (v.Slot, v.Kind, v.Label, v.Example)));
        var components = Components(compose);
        Assert.Equal("header", components[0].GetProperty("type").GetString());
        Assert.Equal("text", components[0].GetProperty("parameters")[0].GetProperty("type").GetString());
        Assert.Equal("{{1}}", components[0].GetProperty("parameters")[0].GetProperty("text").GetString());
        Assert.Equal("body", components[1].GetProperty("type").GetString());
    }

    [Fact]
    public void TextHeaderWithoutVariableTakesNoParam()
    {
        var (compose, variables) = TemplateComposer.Compose("news", "en_US", [Header(HeaderFormat.Text, "News"), Body("Hi {{1}}")]);

        Assert.Equal(["Body {{1}}"], variables.Select(v => v.Label));
        Assert.Equal(["body"], Components(compose).EnumerateArray().Select(c => c.GetProperty("type").GetString()));
    }

    [Theory]
    [InlineData("VIDEO", "video", "Header video URL")]
    [InlineData("DOCUMENT", "document", "Header document URL")]
    [InlineData("image", "image", "Header image URL")]
    public void MediaHeaderTakesItsLinkAsTheFirstParam(string format, string type, string label)
    {
        var (compose, variables) = TemplateComposer.Compose("media", "en_US", [Header(format), Body("Hi {{1}}")]);

        Assert.Equal([label, "Body {{1}}"], variables.Select(v => v.Label));
        var parameter = Components(compose)[0].GetProperty("parameters")[0];
        Assert.Equal(type, parameter.GetProperty("type").GetString());
        Assert.Equal("{{1}}", parameter.GetProperty(type).GetProperty("link").GetString());
    }

    [Fact]
    public void NamedBodyVariablesBecomeFlatNumberedParams()
    {
        var (compose, variables) = TemplateComposer.Compose("named", "en_US", [Body("Hi {{name}}, order {{order}} for {{name}}")]);

        Assert.Equal(["Body {{name}}", "Body {{order}}"], variables.Select(v => v.Label));
        Assert.Equal(["1", "2"], Variables.Distinct(compose));
    }

    [Fact]
    public void StaticUrlQuickReplyAndPhoneButtonsTakeNoParams()
    {
        var (compose, variables) = TemplateComposer.Compose("links", "en_US",
        [
            Body("Welcome"),
            Buttons(
                new TemplateButton { Type = ButtonType.Url, Text = "Site", Url = "https://example.com" },
                new TemplateButton { Type = ButtonType.QuickReply, Text = "Yes" },
                new TemplateButton { Type = ButtonType.PhoneNumber, Text = "Call", PhoneNumber = "+966539078942" }),
        ]);

        Assert.Empty(variables);
        Assert.Equal(0, Components(compose).GetArrayLength());
    }

    [Fact]
    public void TemplateWithoutVariablesComposesNoComponentsAndNoParams()
    {
        var (compose, variables) = TemplateComposer.Compose("hello", "en_US", [Body("Hello there")]);

        Assert.Empty(variables);
        Assert.Equal(
            """{"to":"<accountID>","type":"template","template":{"namespace":"<namespace>","language":{"policy":"deterministic","code":"en_US"},"name":"hello","components":[]}}""",
            compose);
    }

    [Fact]
    public void MissingExamplesLeaveEmptyExamples()
    {
        var (_, variables) = TemplateComposer.Compose("t", "en_US", [Body("{{1}} {{2}}", "only first")]);
        Assert.Equal(["only first", ""], variables.Select(v => v.Example));
    }

    [Fact]
    public void ArabicTemplateKeepsItsLanguageCodeAndReadableText()
    {
        var (compose, variables) = TemplateComposer.Compose("تأكيد_الطلب", "ar", [Body("شكراً {{1}}")]);

        Assert.Contains("\"name\":\"تأكيد_الطلب\"", compose);
        using var document = JsonDocument.Parse(compose);
        Assert.Equal("ar", document.RootElement.GetProperty("template").GetProperty("language").GetProperty("code").GetString());
        Assert.Single(variables);
    }

    [Fact]
    public void ComposeIsValidJsonWithTheSubstitutionsLiterallyPresent()
    {
        var (compose, _) = TemplateComposer.Compose("order_confirmation", "en_US", [Body("Hi {{1}}")]);

        Assert.True(TemplateComposer.IsJson(compose));
        Assert.Contains("\"to\":\"<accountID>\"", compose);
        Assert.Contains("\"namespace\":\"<namespace>\"", compose);
        using var document = JsonDocument.Parse(compose);
        Assert.Equal("template", document.RootElement.GetProperty("type").GetString());
        Assert.Equal("deterministic", document.RootElement.GetProperty("template").GetProperty("language").GetProperty("policy").GetString());
    }

    [Fact]
    public void ComposedTemplateRendersIntoAValidMessage()
    {
        var (compose, variables) = TemplateComposer.Compose("promo", "en_US",
            [Header(HeaderFormat.Image), Body("Hi {{1}}"), Buttons(new TemplateButton { Type = ButtonType.Url, Url = "https://x.test/{{1}}" })]);

        var rendered = MessagePayload.Parse(compose).Render("+966539078942", "ns", ["https://example.com/a.png", "O\"Brien", "abc"]);

        Assert.Equal(3, variables.Count);
        using var document = JsonDocument.Parse(rendered);
        var components = document.RootElement.GetProperty("template").GetProperty("components");
        Assert.Equal("https://example.com/a.png", components[0].GetProperty("parameters")[0].GetProperty("image").GetProperty("link").GetString());
        Assert.Equal("O\"Brien", components[1].GetProperty("parameters")[0].GetProperty("text").GetString());
        Assert.Equal("abc", components[2].GetProperty("parameters")[0].GetProperty("text").GetString());
    }

    [Theory]
    [InlineData("{}", true)]
    [InlineData("""{ "to": "<accountID>", "type": "template" }""", true)]
    [InlineData("""{ "to": "<accountID>", "type": "template", ... }""", false)]
    [InlineData("", false)]
    [InlineData("{", false)]
    public void IsJsonTellsWhetherTheTextParses(string text, bool expected) =>
        Assert.Equal(expected, TemplateComposer.IsJson(text));
}
