using System.Text.Json.Serialization;

namespace CampaignAdmin.Contracts.Keys;

/// <summary>
/// One of the calling company's API keys, as <c>GET /v2/keys</c> lists it (our extension; the vendor's API has no key
/// endpoints). The key itself is never stored, so it is never listed: only its first characters.
/// </summary>
public sealed class ApiKeyInfo
{
    [JsonPropertyName("ID")] public int Id { get; set; }
    [JsonPropertyName("Prefix")] public string Prefix { get; set; } = "";
    [JsonPropertyName("CreatedAt")] public string CreatedAt { get; set; } = "";
    /// <summary>Empty while the key works.</summary>
    [JsonPropertyName("RevokedAt")] public string RevokedAt { get; set; } = "";
    /// <summary>Whether the key may list, issue and revoke keys (a dashboard's key does; an integration's need not).</summary>
    [JsonPropertyName("ManagesKeys")] public bool ManagesKeys { get; set; }
    /// <summary>Whether this is the key that made the request (it cannot revoke itself).</summary>
    [JsonPropertyName("Current")] public bool Current { get; set; }
    /// <summary>The whole key: only in the answer to <c>POST /v2/keys/create</c>, once.</summary>
    [JsonPropertyName("Key")] public string Key { get; set; } = "";

    [JsonIgnore] public bool IsRevoked => RevokedAt.Length > 0;
}

/// <summary>The body of <c>POST /v2/keys/create</c> (may be empty: a key that only calls the campaign endpoints).</summary>
public sealed class CreateApiKeyRequest
{
    [JsonPropertyName("ManagesKeys")] public bool ManagesKeys { get; set; }
}

/// <summary>The body of <c>POST /v2/keys/revoke</c>.</summary>
public sealed class RevokeApiKeyRequest
{
    [JsonPropertyName("ID")] public int Id { get; set; }
}
