export declare const chromiumPath: string | undefined;
export declare const chromiumArgs: string[];
export declare const launchOptions: { executablePath: string | undefined; args: string[] };
