using System.Text.Json.Serialization;

namespace CampaignAdmin.Contracts.Templates;

/// <summary>A WhatsApp message template as <c>/v2/whatsapp/templates</c> lists it.</summary>
public sealed class TemplateDto
{
    [JsonPropertyName("ID")] public string Id { get; set; } = "";
    [JsonPropertyName("Name")] public string Name { get; set; } = "";
    [JsonPropertyName("Category")] public string Category { get; set; } = "";
    [JsonPropertyName("Language")] public string Language { get; set; } = "";
    [JsonPropertyName("Status")] public string Status { get; set; } = "";
    [JsonPropertyName("Creation")] public List<TemplateComponent> Creation { get; set; } = [];
    [JsonPropertyName("Compose")] public string Compose { get; set; } = "";
    [JsonPropertyName("Variables")] public List<TemplateVariable> Variables { get; set; } = [];
    [JsonPropertyName("CreatedAt")] public string CreatedAt { get; set; } = "";

    /// <summary>The BODY component's text, which a campaign's message defaults to.</summary>
    [JsonIgnore]
    public string BodyText => Creation.FirstOrDefault(c => c.Is(ComponentType.Body))?.Text ?? "";

    /// <summary>
    /// The slots as listed, or, for a template listed without them (the vendor's Go structs have no Variables), the slots
    /// its components make (<see cref="TemplateComposer"/>).
    /// </summary>
    [JsonIgnore]
    public IReadOnlyList<TemplateVariable> EffectiveVariables =>
        Variables.Count > 0 ? Variables.OrderBy(v => v.Slot).ToList() : TemplateComposer.Compose(Name, Language, Creation).Variables;

    [JsonIgnore]
    public bool IsApproved => string.Equals(Status, TemplateStatus.Approved, StringComparison.OrdinalIgnoreCase);

    /// <summary>Arabic, Persian, Urdu and Hebrew templates read right to left.</summary>
    [JsonIgnore]
    public bool IsRightToLeft => Language.Split('_', '-')[0].ToLowerInvariant() is "ar" or "fa" or "ur" or "he";
}

public sealed class TemplateComponent
{
    [JsonPropertyName("Type")] public string Type { get; set; } = "";
    [JsonPropertyName("Format")] public string Format { get; set; } = "";
    [JsonPropertyName("Text")] public string Text { get; set; } = "";
    [JsonPropertyName("Buttons")] public List<TemplateButton> Buttons { get; set; } = [];

    /// <summary>Example values for the component's variables, in order.</summary>
    [JsonPropertyName("Examples")] public List<string> Examples { get; set; } = [];

    /// <summary>
    /// [extension] What each of the component's variables means ("customer name"), in order. The vendor's templates have
    /// only examples; column headings then show those.
    /// </summary>
    [JsonPropertyName("Labels")] public List<string> Labels { get; set; } = [];

    public bool Is(string type) => string.Equals(Type, type, StringComparison.OrdinalIgnoreCase);
}

public sealed class TemplateButton
{
    [JsonPropertyName("Type")] public string Type { get; set; } = "";
    [JsonPropertyName("Text")] public string Text { get; set; } = "";
    [JsonPropertyName("URL")] public string Url { get; set; } = "";
    [JsonPropertyName("PhoneNumber")] public string PhoneNumber { get; set; } = "";
    [JsonPropertyName("Example")] public string Example { get; set; } = "";

    public bool Is(string type) => string.Equals(Type, type, StringComparison.OrdinalIgnoreCase);
}

/// <summary>One slot of a template's flat params list, as the recipients grid labels it.</summary>
public sealed class TemplateVariable
{
    /// <summary>1-based position in a client's <c>Params</c>.</summary>
    [JsonPropertyName("Slot")] public int Slot { get; set; }
    [JsonPropertyName("Kind")] public string Kind { get; set; } = "";
    [JsonPropertyName("Label")] public string Label { get; set; } = "";
    [JsonPropertyName("Example")] public string Example { get; set; } = "";

    /// <summary>[extension] What the value means ("customer name"); <c>""</c> when the template does not say.</summary>
    [JsonPropertyName("Meaning")] public string Meaning { get; set; } = "";
}

public sealed class CreateTemplateRequest
{
    [JsonPropertyName("Name")] public string Name { get; set; } = "";
    [JsonPropertyName("Category")] public string Category { get; set; } = "";
    [JsonPropertyName("Language")] public string Language { get; set; } = "";
    [JsonPropertyName("Creation")] public List<TemplateComponent> Creation { get; set; } = [];

    /// <summary>JSON <c>null</c> reads as Go's zero values; null components and buttons are dropped.</summary>
    public CreateTemplateRequest Normalize()
    {
        Name ??= "";
        Category ??= "";
        Language ??= "";
        Creation = (Creation ?? []).Where(c => c is not null).ToList();
        foreach (var component in Creation)
        {
            component.Type ??= "";
            component.Format ??= "";
            component.Text ??= "";
            component.Examples = (component.Examples ?? []).Select(e => e ?? "").ToList();
            component.Labels = (component.Labels ?? []).Select(l => l ?? "").ToList();
            component.Buttons = (component.Buttons ?? []).Where(b => b is not null).ToList();
            foreach (var button in component.Buttons)
            {
                button.Type ??= "";
                button.Text ??= "";
                button.Url ??= "";
                button.PhoneNumber ??= "";
                button.Example ??= "";
            }
        }
        return this;
    }
}

public static class ComponentType
{
    public const string Header = "HEADER";
    public const string Body = "BODY";
    public const string Footer = "FOOTER";
    public const string Buttons = "BUTTONS";
}

public static class HeaderFormat
{
    public const string Text = "TEXT";
    public const string Image = "IMAGE";
    public const string Video = "VIDEO";
    public const string Document = "DOCUMENT";

    public static bool IsMedia(string format) =>
        format.ToUpperInvariant() is Image or Video or Document;
}

public static class ButtonType
{
    public const string QuickReply = "QUICK_REPLY";
    public const string Url = "URL";
    public const string PhoneNumber = "PHONE_NUMBER";
    public const string CopyCode = "COPY_CODE";
}

public static class TemplateStatus
{
    public const string Approved = "APPROVED";
    public const string Pending = "PENDING";
    public const string Rejected = "REJECTED";
    public const string Paused = "PAUSED";
}

public static class TemplateCategory
{
    public static IReadOnlyList<string> All { get; } = ["MARKETING", "UTILITY", "AUTHENTICATION"];
}

public static class VariableKind
{
    public const string HeaderMedia = "HEADER_MEDIA";
    public const string HeaderText = "HEADER_TEXT";
    public const string Body = "BODY";
    public const string UrlButton = "URL_BUTTON";
    public const string CopyCode = "COPY_CODE";
}
