using System.Text.Json;
using CampaignAdmin.Dashboard.Live;
using CampaignAdmin.Dashboard.Live.Webhooks;

namespace CampaignAdmin.Dashboard.Tests.Webhooks;

/// <summary>The vendor's webhook body, read as it documents it (PascalCase) and as a Go server may send it (any case, arrays, odd values).</summary>
public sealed class StatusWebhookPayloadTests
{
    private static (IReadOnlyList<StatusChange> Changes, int Ignored) Read(string json) =>
        StatusWebhookPayload.Read(JsonDocument.Parse(json).RootElement);

    [Fact]
    public void TheDocumentedShapeBecomesOneChangeForThatMessage()
    {
        var (changes, ignored) = Read("""{"Type":"messageStatus","MessageKey":"C030200170205C476A3B882B2702FF","Status":"DELIVERED","Error":""}""");

        Assert.Equal([new StatusChange(null, "C030200170205C476A3B882B2702FF", "DELIVERED", LiveSources.Webhook)], changes);
        Assert.Equal(0, ignored);
    }

    [Fact]
    public void AnArrayOfEventsInAnyCaseIsReadAndWhatIsNotAStatusIsCountedAsIgnored()
    {
        var (changes, ignored) = Read("""
            [{"type":"MESSAGESTATUS","messageKey":"k1","status":"read"},
             {"Type":"templateStatus","MessageKey":"k2","Status":"APPROVED"},
             {"Type":"messageStatus","Status":"FAILED","Error":{"code":131026}},
             {"Type":"messageStatus","MessageKey":"has space","Status":"FAILED"},
             {"Type":"messageStatus","MessageKey":12345,"Status":null},
             "not an object", null]
            """);

        Assert.Equal([("k1", "read"), ("12345", (string?)null)], changes.Select(c => (c.MessageKey!, c.Status)));
        Assert.Equal(5, ignored);
    }

    [Fact]
    public void AnArrayIsReadUpToItsCapAndTheRestIsIgnored()
    {
        var items = string.Join(",", Enumerable.Range(0, StatusWebhookPayload.MaxItems + 5).Select(i => $$"""{"Type":"messageStatus","MessageKey":"k{{i}}","Status":"READ"}"""));

        var (changes, ignored) = Read($"[{items}]");

        Assert.Equal((StatusWebhookPayload.MaxItems, 5), (changes.Count, ignored));
    }

    [Fact]
    public void AKeyLongerThanAnyMessageKeyIsIgnored()
    {
        var (changes, ignored) = Read($$"""{"Type":"messageStatus","MessageKey":"{{new string('k', StatusWebhookPayload.MaxKeyLength + 1)}}","Status":"READ"}""");

        Assert.Equal((0, 1), (changes.Count, ignored));
    }
}
