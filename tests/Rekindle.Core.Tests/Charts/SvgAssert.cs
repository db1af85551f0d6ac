using System.Globalization;
using System.Xml.Linq;

namespace Rekindle.Core.Tests.Charts;

/// <summary>Parses chart SVG and checks what every chart must have.</summary>
internal static class SvgAssert
{
    public static readonly XNamespace Ns = "http://www.w3.org/2000/svg";

    /// <summary>Parses the SVG (throws if it is not well-formed XML) and checks the text alternative.</summary>
    public static XElement Accessible(string svg, string expectedId)
    {
        var root = XDocument.Parse(svg).Root!;
        Assert.Equal(Ns + "svg", root.Name);
        Assert.Equal(expectedId, (string?)root.Attribute("id"));
        Assert.Equal("img", (string?)root.Attribute("role"));
        Assert.NotNull(root.Attribute("viewBox"));

        var title = Assert.Single(root.Elements(Ns + "title"));
        var desc = Assert.Single(root.Elements(Ns + "desc"));
        Assert.False(string.IsNullOrWhiteSpace(title.Value));
        Assert.False(string.IsNullOrWhiteSpace(desc.Value));
        Assert.Equal($"{title.Attribute("id")!.Value} {desc.Attribute("id")!.Value}", (string?)root.Attribute("aria-labelledby"));
        return root;
    }

    public static IEnumerable<XElement> WithClass(XElement root, string cssClass) =>
        root.Descendants().Where(e => ((string?)e.Attribute("class"))?.Split(' ').Contains(cssClass) == true);

    public static double Number(XElement e, string attribute) =>
        double.Parse(e.Attribute(attribute)!.Value, CultureInfo.InvariantCulture);

    /// <summary>The pieces of a path: each starts with M and continues with L.</summary>
    public static List<List<(double X, double Y)>> Pieces(string d)
    {
        var pieces = new List<List<(double, double)>>();
        foreach (var token in d.Split(' '))
        {
            var xy = token[1..].Split(',');
            var point = (double.Parse(xy[0], CultureInfo.InvariantCulture), double.Parse(xy[1], CultureInfo.InvariantCulture));
            if (token[0] == 'M')
            {
                pieces.Add([]);
            }
            else
            {
                Assert.Equal('L', token[0]);
            }

            pieces[^1].Add(point);
        }

        return pieces;
    }
}
