using System.Text.Json;
using static CampaignAdmin.E2E.Vendor.GoShapedStore;

namespace CampaignAdmin.E2E.Vendor;

/// <summary>
/// The double's answers as encoding/json writes the document's untagged structs (<see cref="GoShape.Plain"/>), field by
/// field; <see cref="GoShapeWriter"/> turns them into another shape.
/// </summary>
public static class GoStructs
{
    public const string OrderConfirmation = "c8630dcb-dc36-4968-8ca4-26a78893c1e6";
    public const string TrackOrder = "8a7d5c1e-0000-4000-8000-000000000002";
    private const string GoTime = "2025-03-03 11:32:25"; // no offset, as a vendor may write a time

    /// <summary>A campaign's TemplateName, from the TempMsgID it was created with.</summary>
    public static string TemplateName(string tempMsgId) => tempMsgId == TrackOrder ? "track_order" : "order_confirmation";

    public static void WriteCampaigns(Utf8JsonWriter w, IEnumerable<Campaign> newestFirst)
    {
        w.WriteStartArray();
        foreach (var campaign in newestFirst) WriteCampaign(w, campaign);
        w.WriteEndArray();
    }

    /// <summary>The document's CampaignResponse struct, untagged: no ReadCount (ours), Clients nil in lists.</summary>
    public static void WriteCampaign(Utf8JsonWriter w, Campaign c)
    {
        w.WriteStartObject();
        w.WriteNumber("ID", c.Id);
        w.WriteString("Name", c.Name);
        w.WriteString("TemplateName", TemplateName(c.TempMsgId));
        w.WriteString("Lang", "en_US");
        w.WriteString("CreatedAt", GoTime);
        w.WriteString("UpdatedAt", GoTime);
        w.WriteString("SendAt", c.SendAt);
        w.WriteString("Status", c.Status);
        w.WriteNumber("AgentID", 0);
        w.WriteString("Message", c.Message);
        w.WriteString("JSON", "");
        w.WriteNumber("SentCount", c.Messages.Count(m => Is(m, "sent", "delivered", "read")));
        w.WriteNumber("DeliveredCount", c.Messages.Count(m => Is(m, "delivered", "read")));
        w.WriteNumber("FailedCount", c.Messages.Count(m => Is(m, "failed")));
        w.WriteNumber("Total", c.Messages.Count);
        w.WriteNull("Clients");
        w.WriteNumber("CompanyID", 1);
        w.WriteNull("ReportHeaders");
        w.WriteString("TempMsgID", c.TempMsgId);
        w.WriteString("Error", "");
        w.WriteString("SocketKey", "");
        w.WriteEndObject();
    }

    public static void WriteMessages(Utf8JsonWriter w, Campaign campaign, int resultSize)
    {
        w.WriteStartArray();
        foreach (var message in campaign.Messages.Take(resultSize)) WriteMessage(w, message);
        w.WriteEndArray();
    }

    public static void WriteMessage(Utf8JsonWriter w, Message m)
    {
        w.WriteStartObject();
        if (m.Key is not null) w.WriteString("MessageKey", m.Key); // one message comes without the field at all
        w.WriteNumber("CampaignID", m.CampaignId);
        w.WriteString("AccountID", m.AccountId);
        w.WritePropertyName("Params");
        if (m.Params is null) w.WriteNullValue(); else JsonSerializer.Serialize(w, m.Params);
        w.WriteString("Status", m.Status);
        w.WriteString("Error", m.Error);
        w.WriteNumber("ErrorCode", m.ErrorCode);
        w.WriteNumber("Attempts", m.Attempts);
        w.WriteString("CreatedAt", GoTime);
        w.WriteString("UpdatedAt", GoTime);
        w.WriteEndObject();
    }

    /// <summary>
    /// Templates as Experia publishes its structs: Compose a struct, a button's Example interface{} (here an array).
    /// With <paramref name="composeAsText"/>, order_confirmation's Compose is the send JSON as a string instead.
    /// </summary>
    public static void WriteTemplates(Utf8JsonWriter w, bool composeAsText, string orderConfirmationStatus = "APPROVED")
    {
        var compose = composeAsText
            ? JsonSerializer.Serialize("""{"to":"<accountID>","type":"template","template":{"namespace":"<namespace>","language":{"policy":"deterministic","code":"en_US"},"name":"order_confirmation","components":[{"type":"body","parameters":[{"type":"text","text":"{{1}}"},{"type":"text","text":"{{2}}"}]}]}}""")
            : """{"Header":null,"Body":{"Text":"Thank you {{1}}, your order is {{2}}."},"Buttons":null}""";
        w.WriteRawValue($$$"""
            [{"ID":"{{{OrderConfirmation}}}","Name":"order_confirmation","Category":"UTILITY","Language":"en_US","Status":"{{{orderConfirmationStatus}}}",
              "Creation":[{"Type":"BODY","Format":"","Text":"Thank you {{1}}, your order is {{2}}.","Buttons":null,"Examples":null}],
              "Compose":{{{compose}}},"Variables":null,"CreatedAt":"{{{GoTime}}}"},
             {"ID":"{{{TrackOrder}}}","Name":"track_order","Category":"UTILITY","Language":"en_US","Status":"approved",
              "Creation":[{"Type":"BODY","Text":"Your order {{1}} is on its way.","Buttons":null,"Examples":["ORD-1"]},
                          {"Type":"BUTTONS","Text":"","Buttons":[{"Type":"URL","Text":"Track","URL":"https://track.example/{{1}}","PhoneNumber":"","Example":["abc123"]}],"Examples":null}],
              "Compose":{"Header":null,"Body":{"Text":"Your order {{1}} is on its way."}},"Variables":null,"CreatedAt":"{{{GoTime}}}"}]
            """);
    }

    private static bool Is(Message m, params string[] words) => words.Any(word => string.Equals(m.Status, word, StringComparison.OrdinalIgnoreCase));
}
