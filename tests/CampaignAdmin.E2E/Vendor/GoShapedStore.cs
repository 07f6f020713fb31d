using System.Globalization;
using System.Text.Json;

namespace CampaignAdmin.E2E.Vendor;

/// <summary>The Go-shaped API's campaigns and messages, in memory, written field by field as encoding/json would.</summary>
public sealed class GoShapedStore
{
    public const string NoKeyNumber = "+966539071111";
    public const string NilParamsNumber = "+966539072222";
    private const string GoTime = "2025-03-03 11:32:25"; // no offset, as a vendor may write a time
    private readonly List<Campaign> _campaigns = [];

    public GoShapedStore()
    {
        var orders = Add("Go order confirmations", "PROCESSING", "");
        orders.Messages.Add(new Message(null, NoKeyNumber, ["Omar", "ORD-1"], "failed", "Message undeliverable", 131026));
        orders.Messages.Add(new Message("GOKEY000000000000000000000000001", NilParamsNumber, null, "FAILED", "Message undeliverable", 131049));
        for (var i = 0; i < 28; i++)
            orders.Messages.Add(new Message($"GOKEY{i + 100:D27}", $"+9665390780{i:D2}", ["Customer", $"ORD-{i}"], (i % 3) switch { 0 => "sent", 1 => "delivered", _ => "READ" }, "", 0));
        Add("Go holiday greeting", "scheduled", "2030-01-01 09:00:00");
    }

    public IReadOnlyList<Campaign> Campaigns => _campaigns;

    public Campaign? Find(int id) => _campaigns.FirstOrDefault(c => c.Id == id);

    private Campaign Add(string name, string status, string sendAt)
    {
        var campaign = new Campaign(_campaigns.Count + 1, name, status, sendAt);
        _campaigns.Add(campaign);
        return campaign;
    }

    public Campaign Create(JsonElement body)
    {
        lock (this)
        {
            var campaign = Add(Field(body, "Name"), "PROCESSING", Field(body, "SendAt"));
            if (Property(body, "Clients") is { ValueKind: JsonValueKind.Array } clients)
                foreach (var client in clients.EnumerateArray())
                    campaign.Messages.Add(new Message($"GONEW{campaign.Id:D3}{campaign.Messages.Count:D24}", Field(client, "AccountID"),
                        Property(client, "Params") is { ValueKind: JsonValueKind.Array } p ? p.EnumerateArray().Select(v => v.GetString() ?? "").ToList() : null,
                        "pending", "", 0));
            return campaign;
        }
    }

    public bool HasKey(string key) => _campaigns.SelectMany(c => c.Messages).Any(m => m.Key is not null && m.Key == key);

    public Message? Resend(string key)
    {
        lock (this)
        {
            var message = _campaigns.SelectMany(c => c.Messages).FirstOrDefault(m => m.Key is not null && m.Key == key);
            if (message is null || !string.Equals(message.Status, "failed", StringComparison.OrdinalIgnoreCase)) return null;
            (message.Status, message.Error, message.ErrorCode, message.Attempts) = ("sent", "", 0, message.Attempts + 1);
            return message;
        }
    }

    public Campaign? Update(JsonElement body)
    {
        lock (this)
        {
            var campaign = Find(int.TryParse(Field(body, "ID"), CultureInfo.InvariantCulture, out var id) ? id : 0);
            if (campaign is null || campaign.Status != "scheduled") return null;
            if (Field(body, "Name") is { Length: > 0 } name) campaign.Name = name;
            if (Field(body, "SendAt") is { Length: > 0 } sendAt) campaign.SendAt = sendAt;
            return campaign;
        }
    }

    public Campaign? Delete(JsonElement body)
    {
        lock (this)
        {
            var campaign = Find(int.TryParse(Field(body, "ID"), CultureInfo.InvariantCulture, out var id) ? id : 0);
            if (campaign is not null) _campaigns.Remove(campaign);
            return campaign;
        }
    }

    /// <summary>A field read as Go reads JSON into a struct: the name in any case, a number or a string.</summary>
    public static string Field(JsonElement body, string name) => Property(body, name) switch
    {
        { ValueKind: JsonValueKind.String } value => value.GetString()!,
        { ValueKind: JsonValueKind.Number } value => value.GetRawText(),
        _ => "",
    };

    private static JsonElement? Property(JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object
            ? body.EnumerateObject().Where(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Select(p => (JsonElement?)p.Value).FirstOrDefault()
            : null;

    public void WriteCampaigns(Utf8JsonWriter w, int resultSize)
    {
        w.WriteStartArray();
        foreach (var campaign in Enumerable.Reverse(_campaigns).Take(resultSize)) WriteCampaign(w, campaign);
        w.WriteEndArray();
    }

    /// <summary>The document's CampaignResponse struct, untagged: no ReadCount (ours), Clients nil in lists.</summary>
    public static void WriteCampaign(Utf8JsonWriter w, Campaign c)
    {
        w.WriteStartObject();
        w.WriteNumber("ID", c.Id);
        w.WriteString("Name", c.Name);
        w.WriteString("TemplateName", "order_confirmation");
        w.WriteString("Lang", "en_US");
        w.WriteString("CreatedAt", GoTime);
        w.WriteString("UpdatedAt", GoTime);
        w.WriteString("SendAt", c.SendAt);
        w.WriteString("Status", c.Status);
        w.WriteNumber("AgentID", 0);
        w.WriteString("Message", "Thank you {{1}}, your order is {{2}}.");
        w.WriteString("JSON", "");
        w.WriteNumber("SentCount", c.Messages.Count(m => m.Status is "sent" or "delivered" or "READ"));
        w.WriteNumber("DeliveredCount", c.Messages.Count(m => m.Status is "delivered" or "READ"));
        w.WriteNumber("FailedCount", c.Messages.Count(m => string.Equals(m.Status, "failed", StringComparison.OrdinalIgnoreCase)));
        w.WriteNumber("Total", c.Messages.Count);
        w.WriteNull("Clients");
        w.WriteNumber("CompanyID", 1);
        w.WriteNull("ReportHeaders");
        w.WriteString("TempMsgID", "");
        w.WriteString("Error", "");
        w.WriteString("SocketKey", "");
        w.WriteEndObject();
    }

    /// <summary>Only resultSize is honoured: the first messages, whatever offset or status were asked for.</summary>
    public static void WriteMessages(Utf8JsonWriter w, Campaign campaign, int resultSize)
    {
        w.WriteStartArray();
        foreach (var message in campaign.Messages.Take(resultSize)) WriteMessage(w, message, campaign.Id);
        w.WriteEndArray();
    }

    public static void WriteMessage(Utf8JsonWriter w, Message m) => WriteMessage(w, m, 1);

    private static void WriteMessage(Utf8JsonWriter w, Message m, int campaignId)
    {
        w.WriteStartObject();
        if (m.Key is not null) w.WriteString("MessageKey", m.Key); // one message comes without the field at all
        w.WriteNumber("CampaignID", campaignId);
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

    /// <summary>Templates as Experia publishes its structs: Compose a struct, a button's Example interface{} (here an array).</summary>
    public static void WriteTemplates(Utf8JsonWriter w)
    {
        w.WriteRawValue("""
            [{"ID":"c8630dcb-dc36-4968-8ca4-26a78893c1e6","Name":"order_confirmation","Category":"UTILITY","Language":"en_US","Status":"APPROVED",
              "Creation":[{"Type":"BODY","Format":"","Text":"Thank you {{1}}, your order is {{2}}.","Buttons":null,"Examples":null}],
              "Compose":{"Header":null,"Body":{"Text":"Thank you {{1}}, your order is {{2}}."},"Buttons":null},"Variables":null,"CreatedAt":"2025-03-03 11:32:25"},
             {"ID":"8a7d5c1e-0000-4000-8000-000000000002","Name":"track_order","Category":"UTILITY","Language":"en_US","Status":"approved",
              "Creation":[{"Type":"BODY","Text":"Your order {{1}} is on its way.","Buttons":null,"Examples":["ORD-1"]},
                          {"Type":"BUTTONS","Text":"","Buttons":[{"Type":"URL","Text":"Track","URL":"https://track.example/{{1}}","PhoneNumber":"","Example":["abc123"]}],"Examples":null}],
              "Compose":{"Header":null,"Body":{"Text":"Your order {{1}} is on its way."}},"Variables":null,"CreatedAt":"2025-03-03 11:32:25"}]
            """);
    }

    public sealed class Campaign(int id, string name, string status, string sendAt)
    {
        public int Id { get; } = id;
        public string Name { get; set; } = name;
        public string Status { get; set; } = status;
        public string SendAt { get; set; } = sendAt;
        public List<Message> Messages { get; } = [];
    }

    public sealed class Message(string? key, string accountId, List<string>? @params, string status, string error, int errorCode)
    {
        public string? Key { get; } = key;
        public string AccountId { get; } = accountId;
        public List<string>? Params { get; } = @params;
        public string Status { get; set; } = status;
        public string Error { get; set; } = error;
        public int ErrorCode { get; set; } = errorCode;
        public int Attempts { get; set; } = 1;
    }
}
