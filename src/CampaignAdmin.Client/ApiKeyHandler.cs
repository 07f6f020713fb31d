using Microsoft.Extensions.Options;

namespace CampaignAdmin.Client;

/// <summary>Adds the configured <c>X-API-Key</c> to every call; the key lives only in server-side configuration.</summary>
public sealed class ApiKeyHandler(IOptionsMonitor<CampaignApiOptions> options) : DelegatingHandler
{
    public const string HeaderName = "X-API-Key";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var key = options.CurrentValue.ApiKey;
        if (!string.IsNullOrEmpty(key) && !request.Headers.Contains(HeaderName))
            request.Headers.TryAddWithoutValidation(HeaderName, key);
        return base.SendAsync(request, cancellationToken);
    }
}
