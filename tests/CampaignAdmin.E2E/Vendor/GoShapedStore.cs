using System.Globalization;
using System.Text.Json;

namespace CampaignAdmin.E2E.Vendor;

/// <summary>
/// The Go-shaped API's campaigns and messages, in memory, with its own mixed-case words. <see cref="Orders"/> (sending) has
/// 30 messages: one FAILED without a MessageKey, five keyed FAILED with known outcomes (one with Params null), and 24 sent,
/// delivered or read. <see cref="Spring"/> is finished ("sent"), so its page does not refresh live. <see cref="Holiday"/> is scheduled.
/// </summary>
public sealed class GoShapedStore
{
    public const string NoKeyNumber = "+966539071111";
    public const string NilParamsNumber = "+966539072222";
    public const string SpringFailedNumber = "+966539074001";
    public const string Undeliverable = "Message undeliverable";
    private readonly List<Campaign> _campaigns = [];
    private int _nextId;

    /// <summary>A store whose campaigns are numbered from <paramref name="firstId"/> (a fresh store need not reuse another's IDs).</summary>
    public GoShapedStore(int firstId = 1)
    {
        _nextId = firstId;
        var orders = Orders = Add("Go order confirmations", "PROCESSING", "");
        orders.Add(null, NoKeyNumber, ["Omar", "ORD-1"], "failed", Undeliverable, 131026);
        orders.Add("GOKEY000000000000000000000000001", NilParamsNumber, null, "FAILED", Undeliverable, 131049);
        for (var i = 2; i <= 5; i++)
            orders.Add($"GOKEY{i:D27}", $"+9665390730{i:D2}", ["Customer", $"ORD-F{i}"], i % 2 == 0 ? "failed" : "FAILED", Undeliverable, 131026);
        for (var i = 0; i < 24; i++)
            orders.Add($"GOKEY{i + 100:D27}", $"+9665390780{i:D2}", ["Customer", $"ORD-{i}"], (i % 3) switch { 0 => "sent", 1 => "delivered", _ => "READ" }, "", 0);
        Spring = Add("Go spring sale", "sent", "");
        Spring.Add("GOKEY000000000000000000000000900", SpringFailedNumber, ["Customer", "ORD-S1"], "failed", Undeliverable, 131026);
        Spring.Add("GOKEY000000000000000000000000901", "+966539074002", ["Customer", "ORD-S2"], "delivered", "", 0);
        Holiday = Add("Go holiday greeting", "scheduled", "2030-01-01 09:00:00");
    }

    /// <summary>"Go order confirmations": sending, its 30 messages as above.</summary>
    public Campaign Orders { get; }

    /// <summary>"Go spring sale": finished, one keyed FAILED message and one delivered.</summary>
    public Campaign Spring { get; }

    /// <summary>"Go holiday greeting": scheduled for 2030-01-01 09:00 (no offset), no messages.</summary>
    public Campaign Holiday { get; }

    public IReadOnlyList<Campaign> Campaigns => _campaigns;

    /// <summary>order_confirmation's status in the templates list: a test pauses it to see the builder's pre-flight check read it again.</summary>
    public string OrderConfirmationStatus { get; set; } = "APPROVED";

    /// <summary>The failed messages a resend can reach: those with a key.</summary>
    public static IReadOnlyList<string> KeyedFailed(Campaign campaign) =>
        campaign.Messages.Where(m => m.Key is not null && IsFailed(m)).Select(m => m.Key!).ToList();

    /// <summary>The ID the next campaign created gets.</summary>
    public int NextId => _nextId;

    public Campaign? Find(int id) => _campaigns.FirstOrDefault(c => c.Id == id);

    private Campaign Add(string name, string status, string sendAt)
    {
        var campaign = new Campaign(_nextId++, name, status, sendAt);
        _campaigns.Add(campaign);
        return campaign;
    }

    /// <summary>What a create was sent, read as Go reads JSON into the document's struct (names in any case).</summary>
    public Campaign Create(JsonElement body)
    {
        var campaign = Add(Field(body, "Name"), "PROCESSING", Field(body, "SendAt"));
        campaign.TempMsgId = Field(body, "TempMsgID");
        if (Field(body, "Message") is { Length: > 0 } message) campaign.Message = message;
        if (Property(body, "Clients") is { ValueKind: JsonValueKind.Array } clients)
            foreach (var client in clients.EnumerateArray())
                campaign.Add($"GONEW{campaign.Id:D3}{campaign.Messages.Count:D24}", Field(client, "AccountID"),
                    Property(client, "Params") is { ValueKind: JsonValueKind.Array } p ? p.EnumerateArray().Select(v => v.GetString() ?? "").ToList() : null,
                    "pending", "", 0);
        return campaign;
    }

    public bool HasKey(string key) => _campaigns.SelectMany(c => c.Messages).Any(m => m.Key is not null && m.Key == key);

    public Message? Resend(string key)
    {
        var message = _campaigns.SelectMany(c => c.Messages).FirstOrDefault(m => m.Key is not null && m.Key == key);
        if (message is null || !IsFailed(message)) return null;
        (message.Status, message.Error, message.ErrorCode, message.Attempts) = ("sent", "", 0, message.Attempts + 1);
        return message;
    }

    public Campaign? Update(JsonElement body)
    {
        var campaign = Find(int.TryParse(Field(body, "ID"), CultureInfo.InvariantCulture, out var id) ? id : 0);
        if (campaign is null || !string.Equals(campaign.Status, "scheduled", StringComparison.OrdinalIgnoreCase)) return null;
        if (Field(body, "Name") is { Length: > 0 } name) campaign.Name = name;
        if (Field(body, "SendAt") is { Length: > 0 } sendAt) campaign.SendAt = sendAt;
        return campaign;
    }

    public Campaign? Delete(JsonElement body)
    {
        var campaign = Find(int.TryParse(Field(body, "ID"), CultureInfo.InvariantCulture, out var id) ? id : 0);
        if (campaign is not null) _campaigns.Remove(campaign);
        return campaign;
    }

    private static bool IsFailed(Message m) => string.Equals(m.Status, "failed", StringComparison.OrdinalIgnoreCase);

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

    public sealed class Campaign(int id, string name, string status, string sendAt)
    {
        public int Id { get; } = id;
        public string Name { get; set; } = name;
        public string Status { get; set; } = status;
        public string SendAt { get; set; } = sendAt;
        public string TempMsgId { get; set; } = "";
        public string Message { get; set; } = "Thank you {{1}}, your order is {{2}}.";
        public List<Message> Messages { get; } = [];

        public void Add(string? key, string accountId, List<string>? @params, string status, string error, int errorCode) =>
            Messages.Add(new Message(key, Id, accountId, @params, status, error, errorCode));
    }

    public sealed class Message(string? key, int campaignId, string accountId, List<string>? @params, string status, string error, int errorCode)
    {
        public string? Key { get; } = key;
        public int CampaignId { get; } = campaignId;
        public string AccountId { get; } = accountId;
        public List<string>? Params { get; } = @params;
        public string Status { get; set; } = status;
        public string Error { get; set; } = error;
        public int ErrorCode { get; set; } = errorCode;
        public int Attempts { get; set; } = 1;
    }
}
