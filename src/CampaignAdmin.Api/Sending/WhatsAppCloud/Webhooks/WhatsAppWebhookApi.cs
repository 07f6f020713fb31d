using Microsoft.Extensions.Options;

namespace CampaignAdmin.Api.Sending.WhatsAppCloud.Webhooks;

/// <summary>
/// <c>/webhooks/whatsapp</c>, where Meta calls us: the subscription handshake (GET) and signed deliveries (POST). It is
/// outside <c>/v2</c>, so none of the API's key filter, rate limit or vendor error bodies apply: the signature is the
/// authentication. Mapped only when <c>Messaging:Provider</c> is <c>WhatsAppCloud</c>.
/// </summary>
public static class WhatsAppWebhookApi
{
    public const string Route = "/webhooks/whatsapp";

    /// <summary>
    /// Meta batches up to about 1,000 changes in one delivery, well under 1 MiB; anything larger is not Meta's and is
    /// refused (413) before it is read.
    /// </summary>
    public const int MaxBodyBytes = 1024 * 1024;

    private const int MaxChallengeLength = 256;

    public static IEndpointRouteBuilder MapWhatsAppWebhooks(this IEndpointRouteBuilder app)
    {
        if (app.ServiceProvider.GetService<WebhookInbox>() is null) return app;
        var group = app.MapGroup(Route).ExcludeFromDescription().DisableAntiforgery().AllowAnonymous();
        group.MapGet("", Handshake);
        group.MapPost("", ReceiveAsync);
        return app;
    }

    /// <summary><c>hub.mode=subscribe</c> with our verify token: echo <c>hub.challenge</c>; anything else: 403.</summary>
    private static IResult Handshake(HttpRequest request, VerifyToken token)
    {
        var query = request.Query;
        if (query["hub.mode"] != "subscribe" || !token.Matches(query["hub.verify_token"].ToString()))
            return Results.Text(WebhookTexts.WrongVerifyToken, statusCode: StatusCodes.Status403Forbidden);
        var challenge = query["hub.challenge"].ToString();
        if (challenge.Length is 0 or > MaxChallengeLength)
            return Results.Text(WebhookTexts.BadChallenge, statusCode: StatusCodes.Status400BadRequest);
        return Results.Text(challenge, "text/plain", statusCode: StatusCodes.Status200OK);
    }

    /// <summary>Reads the raw body (bounded), checks the signature before anything reads it, stores it durably, then answers 200.</summary>
    private static async Task<IResult> ReceiveAsync(HttpContext context, WebhookSignature signature, WebhookInbox inbox, TimeProvider clock)
    {
        var request = context.Request;
        if (request.ContentLength > MaxBodyBytes) return TooLarge();
        var body = await ReadBoundedAsync(request.Body, context.RequestAborted);
        if (body is null) return TooLarge();
        if (!signature.IsValid(body, request.Headers[WebhookSignature.Header].ToString()))
            return Results.Text(WebhookTexts.BadSignature, statusCode: StatusCodes.Status401Unauthorized);

        await inbox.AddAsync(body, clock.GetUtcNow(), context.RequestAborted);
        return Results.Ok();
    }

    private static IResult TooLarge() => Results.Text(WebhookTexts.BodyTooLarge, statusCode: StatusCodes.Status413PayloadTooLarge);

    /// <summary>The body, or null once it passes <see cref="MaxBodyBytes"/> (however it is framed: chunked bodies have no length).</summary>
    private static async Task<byte[]?> ReadBoundedAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
