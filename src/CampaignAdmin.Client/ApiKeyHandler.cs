using CampaignAdmin.Contracts.Wire;
using Microsoft.Extensions.Options;

namespace CampaignAdmin.Client;

/// <summary>Adds the configured <c>X-API-Key</c> to every call; the key lives only in server-side configuration.</summary>
public sealed class ApiKeyHandler(IOptionsMonitor<CampaignApiOptions> options) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var key = options.CurrentValue.ApiKey;
        if (!string.IsNullOrEmpty(key) && !request.Headers.Contains(WireHeaders.ApiKey))
            request.Headers.TryAddWithoutValidation(WireHeaders.ApiKey, key);
        return base.SendAsync(request, cancellationToken);
    }
}
