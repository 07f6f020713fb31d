namespace CampaignAdmin.Api.Data;

/// <summary>A tenant: every template, campaign and message belongs to exactly one.</summary>
public sealed class Company
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>An API key, kept only as its SHA-256 hash; <see cref="Prefix"/> identifies it in listings.</summary>
public sealed class ApiKey
{
    public int Id { get; set; }
    public int CompanyId { get; set; }
    public Company? Company { get; set; }
    public byte[] Hash { get; set; } = [];
    public string Prefix { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    /// <summary>May list, issue and revoke the company's keys over <c>/v2/keys</c> (keys from the CLI and the demo seed do).</summary>
    public bool ManagesKeys { get; set; }
}

public sealed class Template
{
    public string Id { get; set; } = "";
    public int CompanyId { get; set; }
    public string Name { get; set; } = "";
    public string Category { get; set; } = "";
    public string Language { get; set; } = "";
    public string Status { get; set; } = "";
    /// <summary>The components as JSON, as they were created.</summary>
    public string Creation { get; set; } = "[]";
    public string Compose { get; set; } = "";
    /// <summary>The flat variable list as JSON.</summary>
    public string Variables { get; set; } = "[]";
    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class Campaign
{
    public int Id { get; set; }
    public int CompanyId { get; set; }
    public string Name { get; set; } = "";
    public string TemplateId { get; set; } = "";
    public string TemplateName { get; set; } = "";
    public string Lang { get; set; } = "";
    public string Message { get; set; } = "";
    public string Json { get; set; } = "";
    /// <summary>The send time as the caller wrote it, echoed back with its offset; empty for "now".</summary>
    public string SendAtText { get; set; } = "";
    public DateTimeOffset SendAt { get; set; }
    public string Status { get; set; } = "";
    public int AgentId { get; set; }
    public int Total { get; set; }
    public int SentCount { get; set; }
    public int DeliveredCount { get; set; }
    public int ReadCount { get; set; }
    public int FailedCount { get; set; }
    /// <summary>The report's column names as JSON.</summary>
    public string ReportHeaders { get; set; } = "[]";
    public string SocketKey { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>
    /// The campaign's messages lie between these IDs (they are inserted in one run, in chunks that another create's may
    /// sit between), so a page of them is a primary-key range scan rather than a search through an index of every message.
    /// </summary>
    public long FirstMessageId { get; set; }
    public long LastMessageId { get; set; }
}

/// <summary>One message of a campaign. Status is stored as the <see cref="Contracts.Campaigns.MessageStatus"/> number.</summary>
public sealed class Message
{
    public long Id { get; set; }
    public string Key { get; set; } = "";
    public int CampaignId { get; set; }
    public int CompanyId { get; set; }
    public string AccountId { get; set; } = "";
    /// <summary>The params as a JSON array.</summary>
    public string Params { get; set; } = "[]";
    public int Status { get; set; }
    public string Error { get; set; } = "";
    public int ErrorCode { get; set; }
    public int Attempts { get; set; }
    public string ProviderMessageId { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    /// <summary>Earliest time the dispatcher may (re)try it; backs off after a send that certainly did not happen.</summary>
    public long NextAttemptAt { get; set; }
    public string LeaseOwner { get; set; } = "";
    public long LeaseUntil { get; set; }
    /// <summary>
    /// Written ahead (committed) just before the message goes to the provider, and cleared when the provider's answer is
    /// recorded. Set on a SENDING message: the provider has it. Set on a FAILED message: it was handed over and no answer
    /// came, so its outcome is unknown until a receipt or the provider says otherwise (docs/SENDING.md).
    /// </summary>
    public DateTimeOffset? HandedOverAt { get; set; }
}
