using System.IO.Compression;
using System.Text.Json;
using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Dashboard.Components.Campaigns.New;

namespace CampaignAdmin.Dashboard.Drafts;

/// <summary>
/// Everything the builder holds, as plain values: what a reopened draft is rebuilt from, exactly. <see cref="Capture"/> copies the
/// rows (their strings are shared, never copied) on the circuit's thread, so the builder may go on changing them while
/// <see cref="Compress"/> serializes the copy on another thread. A row is an array: the account ID, then its values.
/// </summary>
public sealed record DraftContent
{
    public const int CurrentFormat = 1;

    public int Format { get; init; } = CurrentFormat;
    public string Name { get; init; } = "";
    public string TemplateId { get; init; } = "";
    public string Message { get; init; } = "";
    public bool UseAdvancedJson { get; init; }
    public string AdvancedJson { get; init; } = "";
    public string Region { get; init; } = "";
    public bool SendNow { get; init; } = true;
    public DateTime? Date { get; init; }
    public TimeSpan? Time { get; init; }
    public string ZoneId { get; init; } = "UTC";
    public int SelectedRow { get; init; }
    public string[][] Rows { get; init; } = [];

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = null };

    /// <summary>The builder's state now. Costs one small array per row (measured by the bench: about 3 ms at 100,000 rows).</summary>
    public static DraftContent Capture(CampaignDraft draft)
    {
        var clients = draft.Request.Clients;
        var rows = new string[clients.Count][];
        for (var i = 0; i < rows.Length; i++)
        {
            var client = clients[i];
            var row = new string[client.Params.Count + 1];
            row[0] = client.AccountId;
            client.Params.CopyTo(row, 1);
            rows[i] = row;
        }
        return new DraftContent
        {
            Name = draft.Request.Name, TemplateId = draft.Request.TempMsgId, Message = draft.Request.Message,
            UseAdvancedJson = draft.UseAdvancedJson, AdvancedJson = draft.AdvancedJson, Region = draft.Region,
            SendNow = draft.Schedule.SendNow, Date = draft.Schedule.Date, Time = draft.Schedule.Time, ZoneId = draft.Schedule.ZoneId,
            SelectedRow = draft.SelectedRow, Rows = rows,
        };
    }

    /// <summary>Gzipped JSON (fastest level: a save runs after every pause in typing).</summary>
    public byte[] Compress()
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true)) JsonSerializer.Serialize(gzip, this, Json);
        return buffer.ToArray();
    }

    public static DraftContent Decompress(byte[] content)
    {
        using var gzip = new GZipStream(new MemoryStream(content), CompressionMode.Decompress);
        return JsonSerializer.Deserialize<DraftContent>(gzip, Json) ?? new DraftContent();
    }

    /// <summary>Puts this content into a new builder's draft: the template first (it sets the message and columns), then the rest as saved.</summary>
    public void ApplyTo(CampaignDraft draft)
    {
        if (TemplateId.Length > 0) draft.SelectTemplateById(TemplateId);
        draft.SetAdvanced(UseAdvancedJson, AdvancedJson);
        draft.Request.Name = Name;
        draft.Request.Message = Message;
        if (Region.Length > 0) draft.Region = Region;
        draft.Request.Clients.Clear();
        draft.Request.Clients.AddRange(Rows.Select(row => new CampaignClient { AccountId = row.Length > 0 ? row[0] : "", Params = row.Skip(1).ToList() }));
        draft.Schedule.SendNow = SendNow;
        draft.Schedule.Date = Date;
        draft.Schedule.Time = Time;
        if (ZoneId.Length > 0) draft.Schedule.ZoneId = ZoneId;
        draft.SelectedRow = Math.Clamp(SelectedRow, 0, Math.Max(0, Rows.Length - 1));
    }
}
