namespace Rekindle.Core;

/// <summary>Checks on text as .NET holds it (UTF-16), shared by the rules that accept what people type.</summary>
public static class Utf16
{
    /// <summary>True when a surrogate half stands alone: such text can't be stored or sent as UTF-8 without loss.</summary>
    public static bool HasUnpairedSurrogate(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return true;
                }

                i++;
            }
            else if (char.IsLowSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }
}
