using System.Net.Http.Json;
using System.Text.Json;
using CampaignAdmin.Api.Sending.WhatsAppCloud.Templates;

namespace CampaignAdmin.Api.Sending.WhatsAppCloud;

/// <summary>The business account's templates: list (one page at a time) and submit.</summary>
public sealed partial class GraphApi
{
    /// <summary>The most Meta gives in one page of templates.</summary>
    public const int TemplatePageSize = 100;

    private const string TemplateFields = "id,name,language,status,category,components";

    /// <summary>One page, after the cursor <paramref name="after"/> (null: the first).</summary>
    public async Task<MetaTemplatePage> ListTemplatesAsync(string? after, CancellationToken cancellationToken)
    {
        var path = $"{Uri.EscapeDataString(_options.BusinessAccountId)}/message_templates?limit={TemplatePageSize}&fields={TemplateFields}";
        if (!string.IsNullOrEmpty(after)) path += $"&after={Uri.EscapeDataString(after)}";
        using var response = await SendTemplateCallAsync(() => _http.GetAsync(new Uri(path, UriKind.Relative), cancellationToken), cancellationToken);
        return await ReadAsync<MetaTemplatePage>(response, cancellationToken);
    }

    /// <summary><c>POST /{waba}/message_templates</c>: Meta reviews it; it answers with its id and (usually) <c>PENDING</c>.</summary>
    public async Task<MetaTemplateCreated> CreateTemplateAsync(MetaTemplate template, CancellationToken cancellationToken)
    {
        var path = $"{Uri.EscapeDataString(_options.BusinessAccountId)}/message_templates";
        using var response = await SendTemplateCallAsync(() => _http.PostAsJsonAsync(new Uri(path, UriKind.Relative), template, cancellationToken), cancellationToken);
        return await ReadAsync<MetaTemplateCreated>(response, cancellationToken);
    }

    private static async Task<HttpResponseMessage> SendTemplateCallAsync(Func<Task<HttpResponseMessage>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call();
        }
        catch (HttpRequestException exception)
        {
            throw new TemplateCallException($"the WhatsApp Cloud API could not be reached ({exception.HttpRequestError})", 0, 0);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TemplateCallException("the WhatsApp Cloud API did not answer in time", 0, 0);
        }
    }

    /// <summary>The body as <typeparamref name="T"/>, or <see cref="TemplateCallException"/> with Meta's own words for a failure.</summary>
    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken) where T : class
    {
        var status = (int)response.StatusCode;
        try
        {
            if (!response.IsSuccessStatusCode)
            {
                var error = (await response.Content.ReadFromJsonAsync<MetaErrorBody>(cancellationToken))?.Error;
                var text = FirstText(error?.UserMessage, error?.Message) is { } said ? said[..Math.Min(said.Length, 1000)] : $"HTTP {status}";
                throw new TemplateCallException(text, status, error?.Code ?? 0);
            }
            return await response.Content.ReadFromJsonAsync<T>(cancellationToken)
                ?? throw new TemplateCallException("the WhatsApp Cloud API answered with an empty body", status, 0);
        }
        catch (JsonException)
        {
            throw new TemplateCallException($"the WhatsApp Cloud API answered HTTP {status} with a body that is not its JSON", status, 0);
        }
    }

    private static string? FirstText(params string?[] texts) => texts.FirstOrDefault(t => !string.IsNullOrWhiteSpace(t))?.Trim();
}
