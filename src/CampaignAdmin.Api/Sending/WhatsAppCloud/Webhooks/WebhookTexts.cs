namespace CampaignAdmin.Api.Sending.WhatsAppCloud.Webhooks;

/// <summary>The exact texts <c>/webhooks/whatsapp</c> answers with (plain text: Meta reads only the status code).</summary>
public static class WebhookTexts
{
    public const string WrongVerifyToken = "verification failed";
    public const string BadChallenge = "hub.challenge is missing or too long";
    public const string BadSignature = "invalid signature";
    public const string BodyTooLarge = "webhook body too large";
}
