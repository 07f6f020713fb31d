namespace CampaignAdmin.Api.Sending.WhatsAppCloud;

/// <summary>Every text this provider writes into a message's <c>Error</c> or the pause, in one place (the tests assert them).</summary>
public static class CloudTexts
{
    public const string NotJson = "Invalid parameter: the message JSON is not valid JSON";

    public const string NoTemplate = "Invalid parameter: the message JSON has no template with a name (the WhatsApp Cloud API sends templates)";

    /// <summary>The pause's reason, and the start of the error of every message it held back.</summary>
    public const string TokenRefused = "sending paused: the access token was refused";

    public const string NoMessageId = "the Graph API accepted the request but its answer had no message id";

    public const string AnswerTooBig = "the Graph API's answer was larger than 64 KiB and was not read";

    public static string Refused(int httpStatus) => $"the Graph API refused the message (HTTP {httpStatus}) without an error body";

    /// <summary>Meta's message and its details, as it sent them (each cut to a readable length: they are untrusted).</summary>
    public static string MetaError(string message, string details)
    {
        message = Cut(message, 300);
        details = Cut(details, 500);
        if (details.Length == 0 || details == message) return message;
        return message.Length == 0 ? details : $"{message}: {details}";
    }

    public static string Paused(string metaError) => metaError.Length == 0 ? TokenRefused : $"{TokenRefused}: {metaError}";

    /// <summary>Nothing of the request left: it is certainly not sent.</summary>
    public static string NotSent(string problem) => $"not sent: {problem}";

    /// <summary>The request may have reached Meta: nobody knows whether the customer got it.</summary>
    public static string Unknown(string problem) => $"{MessageStore.OutcomeUnknown}: {problem}; the Graph API may have accepted it, check before resending";

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max] + "…";
}
