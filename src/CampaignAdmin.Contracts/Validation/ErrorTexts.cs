namespace CampaignAdmin.Contracts.Validation;

/// <summary>The exact error texts of docs/WIRE.md; the API answers with them and the dashboard shows them.</summary>
public static class ErrorTexts
{
    public const string InvalidBody = "invalid request body";
    public const string NameRequired = "invalid request: name is required";
    public const string NameTooLong = "invalid request: name is too long (at most 256 characters)";
    public const string AtLeastTwoClients = "invalid request: at least 2 clients required";
    public const string JsonOrTemplateRequired = "invalid request: JSON or TempMsgID required";
    public const string TemplateNotFound = "invalid request: template not found";
    public const string TooManyVariables = "invalid request: too many variables in JSON (at most 1000)";
    public const string NotEnoughParams = "invalid request: not enough params for variables in JSON";
    public const string ParamsForAllVariables = "invalid request: each client must have params for all template variables";
    public const string SendAtFormat = "invalid request: SendAt must be an ISO 8601 date-time with a time zone offset";
    public const string OnlyScheduledCanBeUpdated = "only scheduled campaigns can be updated (name and SendAt fields only)";
    public const string IdRequired = "invalid request: ID is required";
    public const string MessageKeyRequired = "invalid request: messageKey is required";
    public const string OnlyFailedCanBeResent = "only failed messages can be resent";
    public const string CampaignNotFound = "campaign not found";
    public const string MessageNotFound = "message not found";
    public const string MissingApiKey = "missing X-API-Key header";
    public const string InvalidApiKey = "invalid API key";
    public const string ApiKeyNotFound = "API key not found";
    public const string CannotRevokeOwnKey = "cannot revoke the API key making this request";
    public const string KeyMayNotManageKeys = "this API key may not manage keys";
    public const string TooManyKeys = "too many working API keys: revoke one first";
    public const string BodyTooLarge = "request body too large";
    public const string BadChunkedFraming = "invalid request body: bad chunked framing";
    public const string IncompleteBody = "invalid request body: the body ended before it was complete";
    public const string BodyTooSlow = "request body arrived too slowly";
    public const string TooManyFailedKeyAttempts = "too many failed API key attempts; retry later";
    public const string InvalidResultSize = "invalid resultSize: must be a positive integer";
    public const string InvalidOffset = "invalid offset: must be zero or a positive integer";
    public const string InvalidCampaignId = "invalid campaignID: must be a positive integer";
    public const string InvalidStatus = "invalid status";

    public static string InvalidAccountId(string value) => $"invalid request: invalid accountID \"{value}\"";
    public static string DuplicateAccountId(string value) => $"invalid request: duplicate accountID \"{value}\"";
    public static string InvalidBodyDetail(string detail) => $"{InvalidBody}: {detail}";

    /// <summary>PostgreSQL's text cannot hold it, and no message needs it: refused on every provider alike.</summary>
    public const string NulInText = "a string holds the NUL character (\\u0000), which no field accepts";
}
