using System.Text.Json;
using System.Text.Json.Serialization;

namespace CampaignAdmin.Api.Sending.WhatsAppCloud.Templates;

/// <summary>One page of <c>GET /{waba}/message_templates</c>: <c>{"data":[…],"paging":{"cursors":{"after"},"next"}}</c>.</summary>
public sealed class MetaTemplatePage
{
    [JsonPropertyName("data")] public List<MetaTemplate?>? Data { get; set; }
    [JsonPropertyName("paging")] public MetaPaging? Paging { get; set; }
}

public sealed class MetaPaging
{
    [JsonPropertyName("cursors")] public MetaCursors? Cursors { get; set; }
    /// <summary>Present only when there is a next page; its URL itself is never followed (it would carry our token anywhere it points).</summary>
    [JsonPropertyName("next")] public string? Next { get; set; }
}

public sealed class MetaCursors
{
    [JsonPropertyName("after")] public string? After { get; set; }
}

/// <summary>A template as Meta lists it, and as we submit one (without <c>id</c> and <c>status</c>).</summary>
public sealed class MetaTemplate
{
    [JsonPropertyName("id")] [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Id { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("language")] public string? Language { get; set; }
    [JsonPropertyName("status")] [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Status { get; set; }
    [JsonPropertyName("category")] public string? Category { get; set; }
    [JsonPropertyName("components")] public List<MetaComponent?>? Components { get; set; }
}

public sealed class MetaComponent
{
    [JsonPropertyName("type")] public string? Type { get; set; }
    [JsonPropertyName("format")] [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Format { get; set; }
    [JsonPropertyName("text")] [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Text { get; set; }
    [JsonPropertyName("buttons")] [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public List<MetaButton?>? Buttons { get; set; }

    /// <summary><c>{"header_text":[…]}</c>, <c>{"header_handle":[…]}</c>, <c>{"body_text":[[…]]}</c> or <c>{"body_text_named_params":[{"param_name","example"}]}</c>.</summary>
    [JsonPropertyName("example")] [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public JsonElement? Example { get; set; }
}

public sealed class MetaButton
{
    [JsonPropertyName("type")] public string? Type { get; set; }
    [JsonPropertyName("text")] [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Text { get; set; }
    [JsonPropertyName("url")] [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Url { get; set; }
    [JsonPropertyName("phone_number")] [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? PhoneNumber { get; set; }

    /// <summary>An array of strings for a URL button, one string for a copy-code button.</summary>
    [JsonPropertyName("example")] [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public JsonElement? Example { get; set; }
}

/// <summary>Meta's answer to a template create: <c>{"id","status","category"}</c>.</summary>
public sealed class MetaTemplateCreated
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("status")] public string? Status { get; set; }
    [JsonPropertyName("category")] public string? Category { get; set; }
}

/// <summary>Meta's error body: <c>{"error":{"message","code","error_user_title","error_user_msg","error_data":{"details"}}}</c>.</summary>
public sealed class MetaErrorBody
{
    [JsonPropertyName("error")] public MetaError? Error { get; set; }
}

public sealed class MetaError
{
    [JsonPropertyName("message")] public string? Message { get; set; }
    [JsonPropertyName("code")] public int Code { get; set; }
    [JsonPropertyName("error_user_title")] public string? UserTitle { get; set; }
    [JsonPropertyName("error_user_msg")] public string? UserMessage { get; set; }
}

/// <summary>The Graph API answered a template call with an error, or not at all.</summary>
public sealed class TemplateCallException(string message, int httpStatus, int code) : Exception(message)
{
    /// <summary>0 when no answer came.</summary>
    public int HttpStatus { get; } = httpStatus;

    public int Code { get; } = code;

    /// <summary>Meta refused what was sent (4xx, not the token's fault): the caller's to fix.</summary>
    public bool IsRefusal => HttpStatus is >= 400 and < 500 and not 401 and not 429 && Code is not 190;
}
