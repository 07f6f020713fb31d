using System.Buffers;
using System.Text.Json;
using CampaignAdmin.Contracts.Validation;
using CampaignAdmin.Contracts.Wire;
using Microsoft.AspNetCore.Http.Features;

namespace CampaignAdmin.Api.Hosting;

/// <summary>Reads a request body as the vendor's Go service would, answering bad bodies with rule 1's text.</summary>
public static class JsonBody
{
    /// <summary>32 MiB: larger bodies are answered 413 before they are read.</summary>
    public const long MaxBytes = 32L * 1024 * 1024;

    public static async Task<(T? Value, IResult? Error)> ReadAsync<T>(HttpContext context) where T : class
    {
        var request = context.Request;
        if (request.ContentLength > MaxBytes) return (null, TooLarge());

        var sizeFeature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false }) sizeFeature.MaxRequestBodySize = MaxBytes + 1;

        byte[]? buffer = null;
        try
        {
            buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(request.ContentLength ?? 64 * 1024, MaxBytes) + 1);
            var length = 0;
            while (true)
            {
                if (length == buffer.Length) buffer = Grow(buffer);
                var read = await request.Body.ReadAsync(buffer.AsMemory(length), context.RequestAborted);
                if (read == 0) break;
                length += read;
                if (length > MaxBytes) return (null, TooLarge());
            }
            if (length == 0) return (null, ApiResults.BadRequest(ErrorTexts.InvalidBodyDetail("the body is empty")));

            var value = JsonSerializer.Deserialize<T>(buffer.AsSpan(0, length), CampaignJson.Options);
            return value is null
                ? (null, ApiResults.BadRequest(ErrorTexts.InvalidBodyDetail("expected a JSON object")))
                : (value, null);
        }
        catch (JsonException exception)
        {
            return (null, ApiResults.BadRequest(ErrorTexts.InvalidBodyDetail(Describe(exception))));
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge());
        }
        finally
        {
            if (buffer is not null) ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static IResult TooLarge() => ApiResults.Error(StatusCodes.Status413PayloadTooLarge, ErrorTexts.BodyTooLarge);

    private static byte[] Grow(byte[] buffer)
    {
        var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(buffer.Length * 2L, MaxBytes + 1));
        buffer.CopyTo(larger, 0);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }

    /// <summary>Where the body went wrong, without .NET type names or internals.</summary>
    private static string Describe(JsonException exception)
    {
        var position = $"line {(exception.LineNumber ?? 0) + 1}, byte {(exception.BytePositionInLine ?? 0) + 1}";
        return string.IsNullOrEmpty(exception.Path) || exception.Path == "$"
            ? $"malformed JSON at {position}"
            : $"wrong type or malformed value at {exception.Path} ({position})";
    }
}
