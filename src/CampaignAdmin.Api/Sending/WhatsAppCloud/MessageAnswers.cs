using System.Globalization;
using System.Text.Json;

namespace CampaignAdmin.Api.Sending.WhatsAppCloud;

/// <summary>
/// Meta's answer to one send, as an outcome the dispatcher acts on (docs/SENDING.md, "Failures and retries"). The answer
/// is untrusted: any field may be missing, null or of another type, and the body may not be JSON at all; nothing here
/// throws for it.
/// </summary>
public static class MessageAnswers
{
    /// <summary>The access token is invalid or expired.</summary>
    public const int TokenRefused = 190;

    /// <summary>Meta's "invalid parameter", also given to a payload that cannot be translated (nothing is sent).</summary>
    public const int InvalidParameter = 100;

    /// <summary>Certainly not sent, and worth trying again later: throttled (130429), the pair limit (131056), Meta's own trouble (131000, 131016).</summary>
    public static readonly IReadOnlySet<int> NotSentCodes = new HashSet<int> { 130429, 131056, 131000, 131016 };

    /// <summary>Refused for a reason sending again will not change: the number, the template, its parameters, the 24-hour window.</summary>
    public static readonly IReadOnlySet<int> PermanentCodes = new HashSet<int> { 131026, 131047, 131051, 132000, 132001, 132005, 132012, 131008, 100 };

    public static SendOutcome Outcome(GraphAnswer answer)
    {
        if (answer.HttpStatus == 0)
        {
            return answer.MayHaveLeft
                ? SendOutcome.Failed(0, CloudTexts.Unknown(answer.Problem), SendFailureKind.OutcomeUnknown)
                : SendOutcome.Failed(0, CloudTexts.NotSent(answer.Problem), SendFailureKind.NotSent);
        }
        using var json = Parse(answer.Body);
        var root = json?.RootElement;
        if (answer.HttpStatus is >= 200 and < 300)
        {
            // Meta took the request: without its id we cannot say it is SUBMITTED, but it may well go out. Its webhook,
            // which carries our key (biz_opaque_callback_data), settles it.
            var id = Text(Property(First(Property(root, "messages")), "id"));
            return id.Length > 0 && id.Length <= 256
                ? SendOutcome.Ok(id)
                : SendOutcome.Failed(0, CloudTexts.Unknown(answer.Body is null ? CloudTexts.AnswerTooBig : CloudTexts.NoMessageId), SendFailureKind.OutcomeUnknown);
        }

        var error = Property(root, "error");
        var code = Number(Property(error, "code"));
        var text = CloudTexts.MetaError(Text(Property(error, "message")), Text(Property(Property(error, "error_data"), "details")));
        if (text.Length == 0) text = CloudTexts.Refused(answer.HttpStatus);

        if (answer.HttpStatus == 401 || code == TokenRefused) return SendOutcome.Held(code == 0 ? TokenRefused : code, CloudTexts.Paused(text));
        if (NotSentCodes.Contains(code)) return SendOutcome.Failed(code, text, SendFailureKind.NotSent);
        if (PermanentCodes.Contains(code)) return SendOutcome.Failed(code, text);
        if (answer.HttpStatus == 429 || answer.HttpStatus >= 500) return SendOutcome.Failed(code, text, SendFailureKind.NotSent);
        // A code we do not know: Meta refused it (it answered, with an error), so it was not sent, but we cannot tell
        // whether trying again would help. Retrying automatically could repeat a refusal forever or hit a limit harder;
        // as permanent, it keeps Meta's code and words for a person to read, and a person can resend.
        return SendOutcome.Failed(code, text);
    }

    private static JsonDocument? Parse(byte[]? body)
    {
        if (body is null || body.Length == 0) return null;
        try
        {
            return JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonElement? Property(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(name, out var value) ? value : null;

    private static JsonElement? First(JsonElement? element) =>
        element is { ValueKind: JsonValueKind.Array } a && a.GetArrayLength() > 0 ? a[0] : null;

    private static string Text(JsonElement? element) =>
        element is { ValueKind: JsonValueKind.String } s ? s.GetString() ?? "" : "";

    /// <summary>An error code as a number or a numeric string; 0 for anything else.</summary>
    private static int Number(JsonElement? element) => element switch
    {
        { ValueKind: JsonValueKind.Number } n when n.TryGetInt32(out var code) => code,
        { ValueKind: JsonValueKind.String } s when int.TryParse(s.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var code) => code,
        _ => 0,
    };
}
