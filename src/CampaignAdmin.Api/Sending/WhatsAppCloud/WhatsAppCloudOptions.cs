namespace CampaignAdmin.Api.Sending.WhatsAppCloud;

/// <summary>
/// The <c>WhatsAppCloud</c> configuration section (<c>Messaging:Provider</c> = <c>WhatsAppCloud</c>). The token and the two
/// secrets come from configuration or the environment only; they are never logged or shown: <see cref="ToString"/>
/// leaves them out.
/// </summary>
public sealed class WhatsAppCloudOptions
{
    public const string Section = "WhatsAppCloud";

    public string BaseUrl { get; set; } = "https://graph.facebook.com";

    public string ApiVersion { get; set; } = "v23.0";

    public string PhoneNumberId { get; set; } = "";

    public string BusinessAccountId { get; set; } = "";

    public string AccessToken { get; set; } = "";

    /// <summary>Signs every webhook delivery (<c>X-Hub-Signature-256</c>).</summary>
    public string AppSecret { get; set; } = "";

    /// <summary>What Meta's verification handshake must echo (<c>hub.verify_token</c>).</summary>
    public string VerifyToken { get; set; } = "";

    /// <summary>The number's throughput tier: messages per second across every campaign of every instance.</summary>
    public int MessagesPerSecond { get; set; } = 80;

    /// <summary>
    /// How long one send may wait for Meta's answer; after that its outcome is unknown. Keep it well under
    /// <c>Dispatcher:Lease</c>, or another process settles the message while its request is still out.
    /// </summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>The Graph API's root for this version, ending with <c>/</c>: <c>{BaseUrl}/{ApiVersion}/</c>.</summary>
    public Uri GraphRoot => new($"{BaseUrl.TrimEnd('/')}/{ApiVersion.Trim('/')}/");

    /// <summary>Reads the section and stops the start, naming every setting that is missing or wrong (never a value).</summary>
    public static WhatsAppCloudOptions Read(IConfiguration configuration)
    {
        var options = new WhatsAppCloudOptions();
        configuration.GetSection(Section).Bind(options);
        var problems = options.Problems().ToList();
        if (problems.Count > 0)
            throw new InvalidOperationException(
                $"{MessagingServices.ProviderSetting} is WhatsAppCloud, but {string.Join("; ", problems)}.");
        return options;
    }

    private IEnumerable<string> Problems()
    {
        foreach (var (name, value) in new[]
                 {
                     (nameof(BaseUrl), BaseUrl), (nameof(ApiVersion), ApiVersion), (nameof(PhoneNumberId), PhoneNumberId),
                     (nameof(BusinessAccountId), BusinessAccountId), (nameof(AccessToken), AccessToken), (nameof(AppSecret), AppSecret),
                     (nameof(VerifyToken), VerifyToken),
                 })
            if (string.IsNullOrWhiteSpace(value)) yield return $"{Section}:{name} is not set";
        if (!string.IsNullOrWhiteSpace(BaseUrl) && (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http")))
            yield return $"{Section}:{nameof(BaseUrl)} is not an http(s) address";
        if (MessagesPerSecond < 1) yield return $"{Section}:{nameof(MessagesPerSecond)} must be at least 1";
        if (RequestTimeout <= TimeSpan.Zero) yield return $"{Section}:{nameof(RequestTimeout)} must be longer than 0";
    }

    public override string ToString() =>
        $"WhatsApp Cloud API {GraphRoot}, phone number {PhoneNumberId}, business account {BusinessAccountId}, {MessagesPerSecond}/s";
}
