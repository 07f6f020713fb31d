using System.Net;
using System.Text.Json;
using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Contracts.Wire;
using Refit;

namespace CampaignAdmin.Client;

/// <summary>Turns whatever went wrong with a call into the sentence a person should read.</summary>
public static class ApiErrors
{
    /// <summary>The longest error text shown to a person; the rest of a long one is cut.</summary>
    public const int MaxShownLength = 300;

    /// <summary>
    /// The API's own error text: the <c>Error</c> of <c>{"Error":"…"}</c>, or the first line of a plain-text body (Go's
    /// <c>http.Error</c>), cut to <see cref="MaxShownLength"/>. Empty when it said nothing a person can read: any other
    /// JSON, HTML or markup is never shown (a raw body may be large, meaningless to people, or hold data).
    /// </summary>
    public static string ErrorText(ApiException exception)
    {
        var content = exception.Content?.Trim();
        if (string.IsNullOrEmpty(content)) return "";
        if (content[0] is '{' or '[' or '<' or '"')
        {
            if (content[0] != '{') return "";
            try
            {
                var error = JsonSerializer.Deserialize<ErrorResponse>(content, CampaignJson.Options);
                return string.IsNullOrWhiteSpace(error?.Error) ? "" : Shown(error.Error);
            }
            catch (JsonException)
            {
                return "";
            }
        }
        return Shown(content);
    }

    private static string Shown(string text)
    {
        var line = text.Trim().Split('\n', 2)[0].Trim();
        return line.Length > MaxShownLength ? line[..MaxShownLength] + "…" : line;
    }

    public static HttpStatusCode? StatusCode(Exception exception) => (exception as ApiException)?.StatusCode;

    /// <summary>A message for the user: what the API said, or what kind of failure it was.</summary>
    public static string Describe(Exception exception) => exception switch
    {
        // Refit wraps what went wrong before any answer (unreachable, timed out) in ApiRequestException.
        ApiRequestException { InnerException: { } inner } => Describe(inner),
        ApiException api when api.StatusCode == HttpStatusCode.Unauthorized =>
            "The Campaign API refused the dashboard's API key (401). Check CampaignApi:ApiKey.",
        ApiException api when api.StatusCode == HttpStatusCode.Forbidden =>
            $"The Campaign API does not allow the dashboard's API key to do this (403){Because(ErrorText(api))}. Check CampaignApi:ApiKey.",
        ApiException api when api.StatusCode == HttpStatusCode.BadGateway =>
            $"The messaging provider failed: {Or(ErrorText(api), "no details")}",
        ApiException api when (int)api.StatusCode >= 500 =>
            $"The Campaign API failed ({(int)api.StatusCode}): {Or(ErrorText(api), "no details")}. Nothing you entered was lost; try again.",
        ApiException api when (int)api.StatusCode is >= 200 and < 300 =>
            "The Campaign API's answer could not be read: it is not in the shape the dashboard expects.",
        ApiException api => Or(ErrorText(api), $"The Campaign API answered {(int)api.StatusCode} {api.ReasonPhrase}."),
        HttpRequestException => "The Campaign API could not be reached. Check that it is running and CampaignApi:BaseUrl, then try again.",
        Polly.Timeout.TimeoutRejectedException or TaskCanceledException or TimeoutException =>
            "The Campaign API did not answer in time. Try again; if it keeps happening, check the API (or CampaignApi:Timeout).",
        _ => "Something went wrong talking to the Campaign API.",
    };

    private static string Because(string text) => string.IsNullOrWhiteSpace(text) ? "" : $": {text}";

    private static string Or(string text, string fallback) => string.IsNullOrWhiteSpace(text) ? fallback : text;
}
