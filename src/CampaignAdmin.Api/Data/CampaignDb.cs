using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CampaignAdmin.Api.Data;

/// <summary>The campaigns model. On PostgreSQL it is <see cref="Postgres.PostgresCampaignDb"/>, with its own migrations.</summary>
public class CampaignDb : DbContext
{
    public CampaignDb(DbContextOptions<CampaignDb> options) : base(options)
    {
    }

    /// <summary>For a provider's subclass, whose options are typed by it.</summary>
    protected CampaignDb(DbContextOptions options) : base(options)
    {
    }

    public DbSet<Company> Companies => Set<Company>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<Template> Templates => Set<Template>();
    public DbSet<Campaign> Campaigns => Set<Campaign>();
    public DbSet<Message> Messages => Set<Message>();
    public DbSet<WebhookDelivery> WebhookInbox => Set<WebhookDelivery>();

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // Unix milliseconds: ordered and comparable in SQL on SQLite and PostgreSQL alike, and easy in raw SQL.
        builder.Properties<DateTimeOffset>().HaveConversion<UnixMillisecondsConverter>();
        builder.Properties<DateTimeOffset?>().HaveConversion<UnixMillisecondsConverter>();
    }

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<ApiKey>(key =>
        {
            key.HasIndex(k => k.Hash).IsUnique();
            key.Property(k => k.Prefix).HasMaxLength(16);
        });
        model.Entity<Template>(template =>
        {
            template.HasIndex(t => new { t.CompanyId, t.Name, t.Language }).IsUnique();
        });
        model.Entity<Campaign>(campaign =>
        {
            campaign.HasIndex(c => new { c.CompanyId, c.Id });
            campaign.HasIndex(c => new { c.Status, c.SendAt });
        });
        model.Entity<Message>(message =>
        {
            message.HasIndex(m => m.Key).IsUnique();
            message.HasIndex(m => new { m.CampaignId, m.Status, m.Id });
            // Only sent messages have a provider ID: unsent ones stay out of the index (and out of the insert's cost).
            message.HasIndex(m => m.ProviderMessageId).HasFilter("ProviderMessageId <> ''");
        });
        model.Entity<WebhookDelivery>(delivery =>
        {
            delivery.ToTable("WebhookInbox");
            delivery.HasIndex(d => d.NextAttemptAt);
        });
    }
}

public sealed class UnixMillisecondsConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.ToUnixTimeMilliseconds(),
    value => DateTimeOffset.FromUnixTimeMilliseconds(value));
