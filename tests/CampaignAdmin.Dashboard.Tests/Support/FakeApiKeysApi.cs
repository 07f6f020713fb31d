using System.Net;
using CampaignAdmin.Client;
using CampaignAdmin.Contracts.Keys;
using Refit;

namespace CampaignAdmin.Dashboard.Tests.Support;

/// <summary>The API's <c>/v2/keys</c> in memory: key 1 is the dashboard's own. <see cref="Missing"/> plays a vendor without it.</summary>
public sealed class FakeApiKeysApi : IApiKeysApi
{
    public List<ApiKeyInfo> Keys { get; } =
        [new ApiKeyInfo { Id = 1, Prefix = "ca_dashbo", CreatedAt = "2025-03-01T06:00:00Z", Current = true, ManagesKeys = true }];

    public bool Missing { get; set; }

    /// <summary>Plays a dashboard key that may not manage keys (403).</summary>
    public bool Forbidden { get; set; }

    public int Calls { get; private set; }

    public async Task<CampaignAdmin.Contracts.Wire.WireList<ApiKeyInfo>> GetKeysAsync(CancellationToken cancellationToken = default)
    {
        await CallAsync();
        return new([.. Keys]);
    }

    public async Task<ApiKeyInfo> CreateKeyAsync(CreateApiKeyRequest request, CancellationToken cancellationToken = default)
    {
        await CallAsync();
        var key = "ca_" + new string('k', 43);
        var created = new ApiKeyInfo { Id = Keys.Max(k => k.Id) + 1, Prefix = key[..10], CreatedAt = "2025-03-01T09:00:00Z", ManagesKeys = request.ManagesKeys };
        Keys.Add(created);
        return new ApiKeyInfo { Id = created.Id, Prefix = created.Prefix, CreatedAt = created.CreatedAt, ManagesKeys = created.ManagesKeys, Key = key };
    }

    public async Task<ApiKeyInfo> RevokeKeyAsync(RevokeApiKeyRequest request, CancellationToken cancellationToken = default)
    {
        await CallAsync();
        var key = Keys.Single(k => k.Id == request.Id);
        key.RevokedAt = "2025-03-01T10:00:00Z";
        return key;
    }

    private async Task CallAsync()
    {
        Calls++;
        if (Missing) throw await FakeCampaignApi.Error(HttpStatusCode.NotFound, "not found");
        if (Forbidden) throw await FakeCampaignApi.Error(HttpStatusCode.Forbidden, "this API key may not manage keys");
    }
}
