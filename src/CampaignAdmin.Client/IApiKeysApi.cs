using CampaignAdmin.Contracts.Keys;
using CampaignAdmin.Contracts.Wire;
using Refit;

namespace CampaignAdmin.Client;

/// <summary>
/// Our <c>/v2/keys</c> extension: the calling company's keys. A vendor's API without it answers 404; a key that does not
/// manage keys gets 403.
/// </summary>
public interface IApiKeysApi
{
    [Get("/v2/keys")]
    Task<WireList<ApiKeyInfo>> GetKeysAsync(CancellationToken cancellationToken = default);

    /// <summary>A new key, whole in <see cref="ApiKeyInfo.Key"/> this once.</summary>
    [Post("/v2/keys/create")]
    Task<ApiKeyInfo> CreateKeyAsync([Body] CreateApiKeyRequest request, CancellationToken cancellationToken = default);

    [Post("/v2/keys/revoke")]
    Task<ApiKeyInfo> RevokeKeyAsync([Body] RevokeApiKeyRequest request, CancellationToken cancellationToken = default);
}
