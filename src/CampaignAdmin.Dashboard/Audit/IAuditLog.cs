using CampaignAdmin.Client;

namespace CampaignAdmin.Dashboard.Audit;

/// <summary>Append and read; there is deliberately no update or delete.</summary>
public interface IAuditLog
{
    Task WriteAsync(AuditEntry entry, CancellationToken cancellationToken = default);

    Task<Page<AuditEntry>> QueryAsync(AuditQuery query, int offset, int count, CancellationToken cancellationToken = default);

    /// <summary>Everyone who appears in the log, for the user filter.</summary>
    Task<IReadOnlyList<string>> UsersAsync(CancellationToken cancellationToken = default);
}

/// <summary>Audit page filters; each one left empty matches everything. Dates are UTC, <see cref="ToUtc"/> exclusive.</summary>
public sealed record AuditQuery(string? UserEmail = null, string? Action = null, int? CampaignId = null, DateTime? FromUtc = null, DateTime? ToUtc = null);
