using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using CampaignAdmin.Api.Campaigns;
using CampaignAdmin.Api.Data;
using CampaignAdmin.Api.Templates;
using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Contracts.Validation;
using CampaignAdmin.Contracts.Wire;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using DataCampaign = CampaignAdmin.Api.Data.Campaign;

namespace CampaignAdmin.Bench;

/// <summary>
/// <see cref="CampaignCreator.CreateAsync"/>'s steps replayed one by one with a stopwatch around each, on the API's own
/// database and services (its insert is copied here verbatim, since it is private). Diagnostics only.
/// </summary>
internal static class CreateReplay
{
    private const int MessageKeyBytes = 15;

    public static async Task RunAsync(ApiHost host, byte[] body)
    {
        // Wall time and this process's CPU time per step: on a busy machine the CPU time is the steadier figure.
        var steps = new List<(string Step, double Ms, double CpuMs)>();
        var process = Process.GetCurrentProcess();
        var start = Stopwatch.GetTimestamp();
        var startCpu = process.TotalProcessorTime;
        var (last, lastCpu) = (start, startCpu);
        void Step(string name)
        {
            var now = Stopwatch.GetTimestamp();
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            steps.Add((name, Stopwatch.GetElapsedTime(last, now).TotalMilliseconds, (cpu - lastCpu).TotalMilliseconds));
            (last, lastCpu) = (now, cpu);
        }

        var request = JsonSerializer.Deserialize<CreateCampaignRequest>(body, CampaignJson.Options)!;
        request.Normalize();
        Step("deserialize + Normalize");

        await using var scope = host.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CampaignDb>();
        var entity = await db.Templates.AsNoTracking().FirstAsync(t => t.CompanyId == 1 && t.Id == Workload.TemplateId);
        var template = entity.ToDto();
        Step("find template");

        var validator = new CreateCampaignRequestValidator(new TemplateCatalog([template]), CampaignRuleOptions.Api);
        var context = new ValidationContext<CreateCampaignRequest>(request);
        var validation = await validator.ValidateAsync(context);
        if (!validation.IsValid) throw new InvalidOperationException(validation.Errors[0].ErrorMessage);
        var accountIds = (string?[])context.RootContextData[CreateCampaignRequestValidator.NormalizedAccountIdsKey];
        Step("validate (§4 rules, libphonenumber)");

        var now = DateTimeOffset.UtcNow;
        var clients = request.Clients.Select((c, i) => new CampaignClient { AccountId = accountIds[i]!, Params = c.Params }).ToList();
        var campaign = new DataCampaign
        {
            CompanyId = 1, Name = request.Name, TemplateId = template.Id, TemplateName = template.Name, Lang = template.Language,
            Message = template.BodyText, Json = template.Compose, SendAtText = WireTime.Format(now), SendAt = now,
            Status = CampaignStatus.Scheduled, Total = clients.Count, ReportHeaders = "[]", SocketKey = "replay", CreatedAt = now, UpdatedAt = now,
        };
        Step("build clients + campaign");

        await using var transaction = await db.Database.BeginTransactionAsync();
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync();
        Step("begin + SaveChanges(campaign)");

        var connection = db.Database.GetDbConnection();
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction.GetDbTransaction();
        insert.CommandText =
            $"""
            INSERT INTO Messages (Key, CampaignId, CompanyId, AccountId, Params, Status, Error, ErrorCode, Attempts,
                ProviderMessageId, CreatedAt, NextAttemptAt, LeaseOwner, LeaseUntil)
            VALUES (@key, {campaign.Id}, {campaign.CompanyId}, @account, @params, 1, '', 0, 0,
                '', {now.ToUnixTimeMilliseconds()}, 0, '', 0)
            """;
        var key = Add(insert, "@key");
        var account = Add(insert, "@account");
        var parameters = Add(insert, "@params");
        await insert.PrepareAsync();

        var keyBytes = RandomNumberGenerator.GetBytes(clients.Count * MessageKeyBytes);
        var keys = new string[clients.Count];
        for (var i = 0; i < clients.Count; i++) keys[i] = Convert.ToHexString(keyBytes, i * MessageKeyBytes, MessageKeyBytes);
        var json = new string[clients.Count];
        for (var i = 0; i < clients.Count; i++) json[i] = JsonSerializer.Serialize(clients[i].Params, CampaignJson.Options);
        Step("message keys + Params JSON (outside the loop here)");

        for (var i = 0; i < clients.Count; i++)
        {
            key.Value = keys[i];
            account.Value = clients[i].AccountId;
            parameters.Value = json[i];
            insert.ExecuteNonQuery();
        }
        Step($"{clients.Count:N0} x ExecuteNonQuery");

        await transaction.CommitAsync();
        Step("commit (incl. WAL auto-checkpoint)");

        var response = campaign.ToResponse(clients);
        Step("ToResponse(clients)");
        var bytes = JsonSerializer.SerializeToUtf8Bytes(response, CampaignJson.Options);
        Step($"serialize response ({bytes.Length / 1024.0 / 1024.0:F1} MiB)");

        process.Refresh();
        Report.Note($"  replay of CampaignCreator on the API's database: {Report.Ms(start):F0} ms in all, CPU {(process.TotalProcessorTime - startCpu).TotalMilliseconds:F0} ms");
        foreach (var (step, ms, cpu) in steps) Report.Note($"    {step}: {ms:F0} ms (CPU {cpu:F0} ms)");

        // Not a real campaign: take it out again so nothing else sees it.
        await db.Messages.Where(m => m.CampaignId == campaign.Id).ExecuteDeleteAsync();
        await db.Campaigns.Where(c => c.Id == campaign.Id).ExecuteDeleteAsync();
    }

    private static System.Data.Common.DbParameter Add(System.Data.Common.DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = "";
        command.Parameters.Add(parameter);
        return parameter;
    }
}
