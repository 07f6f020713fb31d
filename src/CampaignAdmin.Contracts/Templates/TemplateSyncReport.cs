using System.Text.Json.Serialization;

namespace CampaignAdmin.Contracts.Templates;

/// <summary>
/// [extension] <c>/v2/whatsapp/templates/sync</c>: what the last sync of the WhatsApp business account's templates
/// found. A server that answers <c>GET</c> with one can sync; the dashboard then offers "Sync from WhatsApp".
/// </summary>
public sealed class TemplateSyncReport
{
    /// <summary>UTC RFC 3339; <c>""</c> before the first sync that worked.</summary>
    [JsonPropertyName("SyncedAt")] public string SyncedAt { get; set; } = "";
    [JsonPropertyName("Pages")] public int Pages { get; set; }
    /// <summary>Templates read from WhatsApp (each once, whatever the number of companies).</summary>
    [JsonPropertyName("Templates")] public int Templates { get; set; }
    [JsonPropertyName("Added")] public int Added { get; set; }
    [JsonPropertyName("Updated")] public int Updated { get; set; }
    /// <summary>Templates our builder cannot send (no BODY text, or no name or language).</summary>
    [JsonPropertyName("Skipped")] public int Skipped { get; set; }
    /// <summary>The stop reached before the end of the list, or <c>""</c>.</summary>
    [JsonPropertyName("Truncated")] public string Truncated { get; set; } = "";
    /// <summary>Why the last try failed, or <c>""</c>.</summary>
    [JsonPropertyName("LastError")] public string LastError { get; set; } = "";
}
