using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace Rekindle.E2E.Tests.Infrastructure;

/// <summary>Debian's headless Chromium, driven by Debian's chromedriver. Never downloads a browser.</summary>
public sealed class Browser : IDisposable
{
    private readonly string profile = Path.Combine(Path.GetTempPath(), "rekindle-chromium", Guid.NewGuid().ToString("N"));

    public Browser(string baseUrl, int width = 1280, int height = 900)
    {
        BaseUrl = baseUrl;
        var options = new ChromeOptions { BinaryLocation = Find("/usr/bin/chromium", "CHROMIUM_PATH") };
        options.AddArguments(
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-extensions", "--lang=en-GB", $"--user-data-dir={profile}", $"--window-size={width},{height}");
        var driverPath = Find("/usr/bin/chromedriver", "CHROMEDRIVER_PATH");
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(driverPath)!, Path.GetFileName(driverPath));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        Driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        Driver.Manage().Timeouts().PageLoad = TimeSpan.FromSeconds(30);
    }

    public string BaseUrl { get; }

    public ChromeDriver Driver { get; }

    public void Go(string path) => Driver.Navigate().GoToUrl(BaseUrl + path);

    public string Path_ => new Uri(Driver.Url).AbsolutePath;

    public IWebElement Find(By by) => Wait().Until(d => d.FindElement(by));

    public IWebElement TestId(string id) => Find(By.CssSelector($"[data-testid='{id}']"));

    public void Type(string name, string text)
    {
        var field = Find(By.Name(name));
        field.Clear();
        field.SendKeys(text);
    }

    /// <summary>Date and time inputs take their value in ISO form through script: key entry depends on the locale.</summary>
    public void SetValue(string name, string value) =>
        Driver.ExecuteScript("const f = document.getElementsByName(arguments[0])[0]; f.value = arguments[1]; f.dispatchEvent(new Event('change'));", name, value);

    public void Choose(string name, string value) => Find(By.CssSelector($"input[name='{name}'][value='{value}']")).Click();

    /// <summary>Submits the form and waits for the answer page, so the next lookup cannot find the old page's element.</summary>
    public void Submit(string testId) => ClickToLoad(TestId(testId).FindElement(By.CssSelector("button[type='submit']")));

    /// <summary>Clicks something that loads a new page and waits until the new document has loaded.</summary>
    public void ClickToLoad(IWebElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        // A mark on the old page's window: a new document has a new window object without it.
        Driver.ExecuteScript("window.rekindleOldPage = true;");
        element.Click();
        Wait().Until(_ => NewPageLoaded());
    }

    private bool NewPageLoaded()
    {
        try
        {
            return Driver.ExecuteScript("return window.rekindleOldPage !== true && document.readyState === 'complete';") is true;
        }
        catch (WebDriverException)
        {
            return false; // the old document is being torn down mid-call; ask again
        }
    }

    /// <summary>A wait that looks again when an element it found belonged to a page that has since been replaced.</summary>
    public WebDriverWait Wait(int seconds = 10)
    {
        var wait = new WebDriverWait(Driver, TimeSpan.FromSeconds(seconds));
        wait.IgnoreExceptionTypes(typeof(NoSuchElementException), typeof(StaleElementReferenceException));
        return wait;
    }

    public void WaitForPath(string path) => Wait().Until(_ => Path_ == path);

    /// <summary>Saves a screenshot a reviewer can open: .test-output/screenshots/NAME.png.</summary>
    public string Screenshot(string name)
    {
        var folder = System.IO.Path.Combine(Environment.GetEnvironmentVariable("REKINDLE_TEST_OUTPUT") ?? System.IO.Path.Combine(AppContext.BaseDirectory, "test-output"), "screenshots");
        Directory.CreateDirectory(folder);
        var file = System.IO.Path.Combine(folder, name + ".png");
        // A full-page picture: grow the window to the document's height first.
        var height = Convert.ToInt32(Driver.ExecuteScript("return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight);"), System.Globalization.CultureInfo.InvariantCulture);
        var size = Driver.Manage().Window.Size;
        Driver.Manage().Window.Size = new System.Drawing.Size(size.Width, Math.Max(size.Height, Math.Min(height + 40, 6000)));
        Driver.GetScreenshot().SaveAsFile(file);
        Driver.Manage().Window.Size = size;
        return file;
    }

    public void Dispose()
    {
        Driver.Quit();
        Driver.Dispose();
        try
        {
            Directory.Delete(profile, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static string Find(string path, string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } configured ? configured
        : File.Exists(path) ? path
        : throw new FileNotFoundException($"{path} is missing. Run ./scripts/test.sh, which installs Debian's chromium and chromium-driver.");
}
