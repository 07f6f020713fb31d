using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using CampaignAdmin.Api.Campaigns;
using CampaignAdmin.Client;
using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Contracts.Templates;
using CampaignAdmin.Contracts.Validation;
using CampaignAdmin.Contracts.Wire;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Refit;

namespace CampaignAdmin.Bench;

/// <summary>
/// Where a big create's time goes, on a separate host with the dispatcher off (so nothing competes): the same
/// pieces the endpoint runs, timed one by one in-process. Diagnostics only (stderr).
/// </summary>
internal static class CreatePhases
{
    private const int Repeats = 2;

    public static async Task RunAsync(BenchOptions options)
    {
        Report.Note($"--phases: create path of {options.Clients:N0} clients, dispatcher disabled");
        await using var host = await ApiHost.StartAsync(new Dictionary<string, string?> { ["Dispatcher:Enabled"] = "false" });

        var phones = Workload.Phones("50", 1_000_000, options.Clients);
        var request = Workload.Campaign("phases", phones);
        var templates = RestService.For<ITemplatesApi>(host.Http, ServiceCollectionExtensions.StrictRefitSettings);
        var template = (await templates.GetTemplatesAsync()).Items.Single(t => t.Id == Workload.TemplateId);
        var warm = Workload.Serialize(Workload.Campaign("warm", Workload.Phones("56", 1_000_000, 2_000)));
        await PostAsync(host, warm);

        byte[] body = [];
        for (var repeat = 1; repeat <= Repeats; repeat++)
        {
            Report.Note($"--phases: round {repeat}");
            Time("client: serialize request", () => body = Workload.Serialize(request));
            var http = await PostAsync(host, body);
            Report.Note($"  HTTP create, dispatcher off: {http}");

            CreateBody streamed = null!;
            Time("server: CreateBody.Read (one pass, rule 1, no clients built)", () => streamed = CreateBody.Read(body)!);
            Time("server: ClientSource.Read of every chunk (AccountIDs, params JSON)", () =>
            {
                for (var start = 0; start < streamed.Clients.Count; start += CampaignWriter.ChunkSize)
                    _ = streamed.Clients.Read(start, Math.Min(CampaignWriter.ChunkSize, streamed.Clients.Count - start));
            });
            Time("server: AccountNumbers, every chunk (read + libphonenumber + rule 9)", () =>
            {
                var numbers = new AccountNumbers(streamed.Clients, AccountIds.DefaultRegion);
                for (var start = 0; start < streamed.Clients.Count; start += CampaignWriter.ChunkSize)
                    if (numbers.FirstError(numbers.Prepare(start, Math.Min(CampaignWriter.ChunkSize, streamed.Clients.Count - start))) is { } error)
                        throw new InvalidOperationException(error);
            });

            CreateCampaignRequest parsed = null!;
            Time("server: deserialize request", () => parsed = JsonSerializer.Deserialize<CreateCampaignRequest>(body, CampaignJson.Options)!);
            Time("server: Normalize()", () => parsed.Normalize());

            var catalog = new TemplateCatalog([template]);
            var validator = new CreateCampaignRequestValidator(catalog, CampaignRuleOptions.Api);
            await TimeAsync("server: validator (all rules)", async () =>
            {
                var result = await validator.ValidateAsync(new ValidationContext<CreateCampaignRequest>(parsed));
                if (!result.IsValid) throw new InvalidOperationException(result.Errors[0].ErrorMessage);
            });
            Time("  of which AccountIds.Normalize x N", () =>
            {
                foreach (var client in parsed.Clients) _ = AccountIds.Normalize(client.AccountId);
            });
            Time("  of which params-count rule x N", () =>
            {
                var expected = CreateCampaignRequestValidator.VariableCount(template);
                _ = parsed.Clients.Count(c => c.Params.Count != expected);
            });
            Time("  of which Params JSON per row (insert) x N", () =>
            {
                foreach (var client in parsed.Clients) _ = JsonSerializer.Serialize(client.Params, CampaignJson.Options);
            });

            var fresh = CreateBody.Read(body)!;
            CampaignCreator.Result created = null!;
            await TimeAsync("server: CampaignCreator.CreateAsync (template, validate, insert, response object)", async () =>
            {
                using var scope = host.App.Services.CreateScope();
                created = await scope.ServiceProvider.GetRequiredService<CampaignCreator>().CreateAsync(1, fresh, CancellationToken.None);
                if (created.Error is not null) throw new InvalidOperationException(created.Error);
            });

            byte[] response = [];
            Time("server: serialize response (with Clients)", () => response = JsonSerializer.SerializeToUtf8Bytes(created.Campaign, CampaignJson.Options));
            Report.Note($"  response body {response.Length / 1024.0 / 1024.0:F1} MiB; without Clients it would be " +
                        $"{JsonSerializer.SerializeToUtf8Bytes(WithoutClients(created.Campaign!), CampaignJson.Options).Length} bytes");
            Time("client: deserialize response (Refit path)", () => JsonSerializer.Deserialize<CampaignResponse>(response, CampaignJson.Options));
        }

        Report.Note("--phases: libphonenumber steps per 100k numbers");
        var util = PhoneNumbers.PhoneNumberUtil.GetInstance();
        var numbers = new List<PhoneNumbers.PhoneNumber>(phones.Count);
        Time("  PhoneNumberUtil.Parse", () => { foreach (var phone in phones) numbers.Add(util.Parse(phone, AccountIds.DefaultRegion)); });
        Time("  PhoneNumberUtil.IsValidNumber", () => { foreach (var number in numbers) _ = util.IsValidNumber(number); });
        Time("  PhoneNumberUtil.Format(E164)", () => { foreach (var number in numbers) _ = util.Format(number, PhoneNumbers.PhoneNumberFormat.E164); });
    }

    private static CampaignResponse WithoutClients(CampaignResponse campaign)
    {
        var copy = JsonSerializer.Deserialize<CampaignResponse>(JsonSerializer.SerializeToUtf8Bytes(campaign, CampaignJson.Options), CampaignJson.Options)!;
        copy.Clients = [];
        return copy;
    }

    private static async Task<string> PostAsync(ApiHost host, byte[] body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "v2/campaign/create") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var start = Stopwatch.GetTimestamp();
        using var response = await host.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var headers = Report.Ms(start);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var total = Report.Ms(start);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"create answered {(int)response.StatusCode}");
        return $"{total:F0} ms (headers after {headers:F0} ms, {bytes.Length / 1024.0 / 1024.0:F1} MiB body)";
    }

    private static void Time(string what, Action action)
    {
        var start = Stopwatch.GetTimestamp();
        action();
        Report.Note($"  {what}: {Report.Ms(start):F0} ms");
    }

    private static async Task TimeAsync(string what, Func<Task> action)
    {
        var start = Stopwatch.GetTimestamp();
        await action();
        Report.Note($"  {what}: {Report.Ms(start):F0} ms");
    }
}
