using System.Text.Json;
using CampaignAdmin.Contracts.Templates;
using CampaignAdmin.Contracts.Tests.Support;

namespace CampaignAdmin.Contracts.Tests.Templates;

public class MessagePayloadTests
{
    private static readonly string Compose = Sample.OrderConfirmation().Compose;

    private static JsonElement BodyParameter(string rendered, int index)
    {
        using var document = JsonDocument.Parse(rendered);
        return document.RootElement.GetProperty("template").GetProperty("components")[0].GetProperty("parameters")[index].Clone();
    }

    [Fact]
    public void RenderSubstitutesAccountIdNamespaceAndParams()
    {
        var rendered = MessagePayload.Parse(Compose).Render("+966539078942", "acme_ns", ["John", "ORD-12345"]);

        Assert.Equal(
            """{"to":"+966539078942","type":"template","template":{"namespace":"acme_ns","language":{"policy":"deterministic","code":"en_US"},"name":"order_confirmation","components":[{"type":"body","parameters":[{"type":"text","text":"John"},{"type":"text","text":"ORD-12345"}]}]}}""",
            rendered);
    }

    [Fact]
    public void ParamWithAQuoteKeepsThePayloadValidJson()
    {
        var rendered = MessagePayload.Parse(Compose).Render("+966539078942", "ns", ["O\"Brien", "ORD-1"]);

        Assert.Equal("O\"Brien", BodyParameter(rendered, 0).GetProperty("text").GetString());
    }

    [Fact]
    public void ParamWithBackslashesNewlinesAndControlsKeepsThePayloadValidJson()
    {
        const string nasty = "C:\\orders\\new\nline\ttab\r\u0001 \"}, {\"type\":\"injected";
        var rendered = MessagePayload.Parse(Compose).Render("+966539078942", "ns", [nasty, "ORD-1"]);

        using var document = JsonDocument.Parse(rendered);
        var parameters = document.RootElement.GetProperty("template").GetProperty("components")[0].GetProperty("parameters");
        Assert.Equal(2, parameters.GetArrayLength());
        Assert.Equal(nasty, parameters[0].GetProperty("text").GetString());
    }

    [Fact]
    public void ArabicParamStaysReadableInThePayload()
    {
        var rendered = MessagePayload.Parse(Compose).Render("+966539078942", "ns", ["محمد", "طلب-١٢٣"]);

        Assert.Contains("\"text\":\"محمد\"", rendered);
        Assert.Contains("طلب-١٢٣", rendered);
        Assert.Equal("محمد", BodyParameter(rendered, 0).GetProperty("text").GetString());
    }

    [Fact]
    public void AccountIdAndNamespaceAreEscapedToo()
    {
        var rendered = MessagePayload.Parse("""{"to":"<accountID>","ns":"<namespace>"}""").Render("a\"b", "c\\d", []);

        using var document = JsonDocument.Parse(rendered);
        Assert.Equal("a\"b", document.RootElement.GetProperty("to").GetString());
        Assert.Equal("c\\d", document.RootElement.GetProperty("ns").GetString());
    }

    [Fact]
    public void EverySubstitutionOccurrenceIsReplaced()
    {
        var rendered = MessagePayload.Parse("<accountID>|<namespace>|<accountID>|{{1}}|{{1}}").Render("A", "N", ["P"]);
        Assert.Equal("A|N|A|P|P", rendered);
    }

    [Fact]
    public void NumberedTokensTakeTheirNumberedParam()
    {
        var rendered = MessagePayload.Parse("""["{{2}}","{{1}}","{{ 3 }}"]""").Render("", "", ["one", "two", "three"]);
        Assert.Equal("""["two","one","three"]""", rendered);
    }

    [Fact]
    public void NamedTokensTakeParamsInOrderOfFirstAppearance()
    {
        var rendered = MessagePayload.Parse("""{"a":"{{name}}","b":"{{order}}","c":"{{name}}"}""").Render("", "", ["Sara", "42"]);
        Assert.Equal("""{"a":"Sara","b":"42","c":"Sara"}""", rendered);
    }

    [Fact]
    public void TokenWithoutAParamIsLeftAsWritten()
    {
        var rendered = MessagePayload.Parse("""{"a":"{{1}}","b":"{{2}}"}""").Render("", "", ["only"]);
        Assert.Equal("""{"a":"only","b":"{{2}}"}""", rendered);
    }

    [Fact]
    public void EmptyParamRendersAsAnEmptyString()
    {
        var rendered = MessagePayload.Parse("""{"a":"{{1}}"}""").Render("", "", [""]);
        Assert.Equal("""{"a":""}""", rendered);
    }

    [Fact]
    public void JsonWithoutHolesRendersUnchanged()
    {
        const string json = """{ "to": "+1", "type": "template", ... }""";
        Assert.Equal(json, MessagePayload.Parse(json).Render("+966539078942", "ns", ["x"]));
    }

    [Fact]
    public void EmptyJsonRendersEmpty() =>
        Assert.Equal("", MessagePayload.Parse("").Render("+966539078942", "ns", []));

    [Fact]
    public void OneParsedPayloadRendersManyDifferentMessages()
    {
        var payload = MessagePayload.Parse(Compose);

        var first = payload.Render("+966539078942", "ns", ["John", "ORD-1"]);
        var second = payload.Render("+966501234567", "ns", ["Jane", "ORD-2"]);

        Assert.Contains("\"to\":\"+966539078942\"", first);
        Assert.Contains("\"text\":\"John\"", first);
        Assert.Contains("\"to\":\"+966501234567\"", second);
        Assert.Contains("\"text\":\"Jane\"", second);
        Assert.DoesNotContain("John", second);
    }

    [Fact]
    public void PlusSignInAccountIdIsNotUnicodeEscaped()
    {
        var rendered = MessagePayload.Parse("\"<accountID>\"").Render("+966539078942", "", []);
        Assert.Equal("\"+966539078942\"", rendered);
    }
}
