using System.Net;
using System.Text.Json;
using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Contracts.Wire;
using Refit;

namespace CampaignAdmin.Client;

/// <summary>Turns whatever went wrong with a call into the sentence a person should read.</summary>
public static class ApiErrors
{
    /// <summary>The API's own error text: <c>{"Error":"…"}</c> or a plain-text body; empty when it said nothing.</summary>
    public static string ErrorText(ApiException exception)
    {
        var content = exception.Content?.Trim();
        if (string.IsNullOrEmpty(content)) return "";
        if (content.StartsWith('{'))
        {
            try
            {
                var error = JsonSerializer.Deserialize<ErrorResponse>(content, CampaignJson.Options);
                if (!string.IsNullOrWhiteSpace(error?.Error)) return error.Error;
            }
            catch (JsonException)
            {
                // not the JSON error shape: fall through to the raw text
            }
        }
        return content.Length > 500 ? content[..500] : content;
    }

    public static HttpStatusCode? StatusCode(Exception exception) => (exception as ApiException)?.StatusCode;

    /// <summary>A message for the user: what the API said, or what kind of failure it was.</summary>
    public static string Describe(Exception exception) => exception switch
    {
        ApiException api when api.StatusCode == HttpStatusCode.Unauthorized =>
            "The Campaign API refused the dashboard's API key (401). Check CampaignApi:ApiKey.",
        ApiException api when api.StatusCode == HttpStatusCode.BadGateway =>
            $"The messaging provider failed: {Or(ErrorText(api), "no details")}",
        ApiException api when (int)api.StatusCode >= 500 =>
            $"The Campaign API failed ({(int)api.StatusCode}): {Or(ErrorText(api), "no details")}. Nothing you entered was lost; try again.",
        ApiException api => Or(ErrorText(api), $"The Campaign API answered {(int)api.StatusCode} {api.ReasonPhrase}."),
        HttpRequestException => "The Campaign API could not be reached. Check that it is running, then try again.",
        TaskCanceledException or TimeoutException => "The Campaign API did not answer in time. Try again.",
        _ => "Something went wrong talking to the Campaign API.",
    };

    private static string Or(string text, string fallback) => string.IsNullOrWhiteSpace(text) ? fallback : text;
}
