using System.Globalization;

namespace CampaignAdmin.Api.Hosting;

/// <summary>
/// The <c>Api</c> configuration section. <c>Api:MaxRequestBodyMB</c> (MiB) caps every <c>/v2</c> body; larger ones are
/// answered 413. The default fits a 1,000,000-client create (about 70 MiB with two short params each) with room to spare.
/// </summary>
public sealed record ApiLimits(long MaxRequestBodyBytes)
{
    public const string Setting = "Api:MaxRequestBodyMB";
    public const int DefaultMaxRequestBodyMB = 128;

    /// <summary>One body is one array, so a limit stays well below .NET's 2 GiB array size.</summary>
    public const int MaxMaxRequestBodyMB = 1024;

    public static ApiLimits Default { get; } = FromMB(DefaultMaxRequestBodyMB);

    public static ApiLimits FromMB(int megabytes) => new(megabytes * 1024L * 1024);

    /// <summary>The limits the configuration sets; a value that is not a whole number from 1 to 1024 stops the start, naming the setting.</summary>
    public static ApiLimits Read(IConfiguration configuration)
    {
        var text = configuration[Setting];
        if (string.IsNullOrWhiteSpace(text)) return Default;
        if (!int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var megabytes) || megabytes is < 1 or > MaxMaxRequestBodyMB)
            throw new InvalidOperationException(
                $"{Setting} must be a whole number of megabytes (MiB) from 1 to {MaxMaxRequestBodyMB}; it is \"{text}\".");
        return FromMB(megabytes);
    }
}
