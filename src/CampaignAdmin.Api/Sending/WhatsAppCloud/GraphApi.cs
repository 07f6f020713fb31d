using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace CampaignAdmin.Api.Sending.WhatsAppCloud;

/// <summary>
/// Meta's Graph API as this provider calls it: one typed <see cref="HttpClient"/> rooted at
/// <see cref="WhatsAppCloudOptions.GraphRoot"/>, the access token in every request's <c>Authorization</c> header (never
/// in a URL, so no log of a URL holds it). The calls are split by what they serve: <c>GraphApi.Messages.cs</c> sends,
/// <c>GraphApi.Templates.cs</c> reads and submits templates.
/// </summary>
public sealed partial class GraphApi
{
    private readonly HttpClient _http;
    private readonly WhatsAppCloudOptions _options;

    public GraphApi(HttpClient http, IOptions<WhatsAppCloudOptions> options)
    {
        _options = options.Value;
        _http = http;
        _http.BaseAddress = _options.GraphRoot;
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _options.AccessToken);
    }
}
