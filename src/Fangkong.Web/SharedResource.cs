using System.Resources;

[assembly: NeutralResourcesLanguage("zh-CN")]

namespace Fangkong.Web;

/// <summary>
/// Marker for the UI texts in Resources/SharedResource*.resx (generated from tools/texts.tsv).
/// Chinese is the neutral language; English is the satellite.
/// </summary>
#pragma warning disable CA1812 // Used as the type argument of IStringLocalizer<T>, never instantiated.
internal sealed class SharedResource;
#pragma warning restore CA1812
