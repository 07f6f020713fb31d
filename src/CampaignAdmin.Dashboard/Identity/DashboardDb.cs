using CampaignAdmin.Dashboard.Audit;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CampaignAdmin.Dashboard.Identity;

/// <summary>The dashboard's own database: its users and roles (ASP.NET Core Identity), the audit log, the webhook secret and the
/// builder's drafts. Never the Campaign API's.</summary>
/// <remarks>On PostgreSQL it is <see cref="Postgres.PostgresDashboardDb"/>: the same model under its own migrations.</remarks>
public class DashboardDb : IdentityDbContext<DashboardUser>
{
    public DashboardDb(DbContextOptions<DashboardDb> options) : base(options) { }

    protected DashboardDb(DbContextOptions options) : base(options) { }

    public DbSet<AuditEntry> Audit => Set<AuditEntry>();
    public DbSet<Live.Webhooks.WebhookSecretRow> WebhookSecrets => Set<Live.Webhooks.WebhookSecretRow>();
    public DbSet<Drafts.SavedDraft> Drafts => Set<Drafts.SavedDraft>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<AuditEntry>(entry =>
        {
            entry.ToTable("AuditEntries");
            entry.Property(e => e.Action).HasMaxLength(40);
            entry.Property(e => e.UserEmail).HasMaxLength(256);
            entry.Property(e => e.IpAddress).HasMaxLength(64);
            entry.Property(e => e.Outcome).HasMaxLength(16);
            entry.HasIndex(e => e.AtUtc);
            entry.HasIndex(e => new { e.CampaignId, e.AtUtc });
            entry.HasIndex(e => new { e.UserEmail, e.AtUtc });
            entry.HasIndex(e => e.DraftId);
        });
        builder.Entity<Live.Webhooks.WebhookSecretRow>(secret =>
        {
            secret.ToTable("WebhookSecrets");
            secret.Property(e => e.Id).ValueGeneratedNever();
            secret.Property(e => e.Hash).HasMaxLength(32);
            secret.Property(e => e.Prefix).HasMaxLength(16);
            secret.Property(e => e.CreatedBy).HasMaxLength(256);
        });
        builder.Entity<Drafts.SavedDraft>(draft =>
        {
            draft.ToTable("Drafts");
            draft.Property(e => e.Id).ValueGeneratedNever();
            draft.Property(e => e.Name).HasMaxLength(512);
            draft.Property(e => e.TemplateId).HasMaxLength(256);
            draft.Property(e => e.OwnerId).HasMaxLength(450);
            draft.Property(e => e.OwnerEmail).HasMaxLength(256);
            draft.Property(e => e.Origin).HasMaxLength(256);
            draft.HasIndex(e => e.UpdatedAtUtc);
            draft.Property(e => e.SubmittedById).HasMaxLength(450);
            draft.Property(e => e.SubmittedByEmail).HasMaxLength(256);
            draft.Property(e => e.ReviewedByEmail).HasMaxLength(256);
            draft.Property(e => e.ReviewNote).HasMaxLength(Approvals.ApprovalLimits.MaxNote);
            draft.Property(e => e.ApprovalError).HasMaxLength(2000);
            draft.HasIndex(e => new { e.State, e.SubmittedAtUtc });
        });
    }
}
