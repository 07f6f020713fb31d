using System.Text.Json;
using CampaignAdmin.Contracts.Campaigns;
using Microsoft.AspNetCore.Http.Features;

namespace CampaignAdmin.Dashboard.Live.Webhooks;

/// <summary>
/// <c>POST /webhooks/campaign-api</c>: the vendor's status webhooks, turned into <see cref="StatusChange"/>s for open pages. No
/// sign-in cookie: the caller proves itself with the secret (<c>X-Webhook-Secret</c>, or <c>?secret=</c> for a service that takes
/// only a URL; query secrets never reach the log). The secret is checked before the body is read. Errors are the API's shape,
/// <c>{"Error":"…"}</c>.
/// </summary>
public static class StatusWebhookApi
{
    public const int MaxBodyBytes = 1024 * 1024;
    public const string NotEnabled = "Status webhooks are not turned on for this dashboard (Admin › API connection).";
    public const string WrongSecret = "Missing or wrong webhook secret.";
    public const string NotJson = "The body is not JSON.";
    public const string TooLarge = "The body is larger than 1 MB.";

    public static IEndpointRouteBuilder MapStatusWebhook(this IEndpointRouteBuilder app)
    {
        app.MapPost(StatusWebhook.Path, ReceiveAsync).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ReceiveAsync(HttpContext context, StatusWebhook webhook, LiveUpdates live, CancellationToken cancellationToken)
    {
        var request = context.Request;
        var presented = request.Headers[StatusWebhook.SecretHeader].FirstOrDefault() ?? request.Query[StatusWebhook.SecretQuery].FirstOrDefault();
        switch (await webhook.VerifyAsync(presented, cancellationToken))
        {
            case null: return Error(NotEnabled, StatusCodes.Status404NotFound);
            case false: return Error(WrongSecret, StatusCodes.Status401Unauthorized);
        }
        if (request.ContentLength > MaxBodyBytes) return Error(TooLarge, StatusCodes.Status413PayloadTooLarge);
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = MaxBodyBytes;

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, new JsonDocumentOptions { MaxDepth = 16 }, cancellationToken);
        }
        catch (JsonException)
        {
            return Error(NotJson, StatusCodes.Status400BadRequest);
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Error(TooLarge, StatusCodes.Status413PayloadTooLarge);
        }
        using (document)
        {
            var (changes, ignored) = StatusWebhookPayload.Read(document.RootElement);
            foreach (var change in changes) live.Publish(change);
            webhook.Received(changes.Count, ignored);
            return TypedResults.Json(new WebhookAnswer(changes.Count, ignored));
        }
    }

    private static IResult Error(string message, int status) => TypedResults.Json(new ErrorResponse(message), statusCode: status);

    private sealed record WebhookAnswer(
        [property: System.Text.Json.Serialization.JsonPropertyName("Accepted")] int Accepted,
        [property: System.Text.Json.Serialization.JsonPropertyName("Ignored")] int Ignored);
}
