export interface paths {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether PostgreSQL and Redis both answer */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ok";
                            details?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with username and password */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        username: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Access token: send as `Authorization: Bearer <token>` */
                            token: string;
                            /** @description Exchange at /api/auth/refresh for a new pair */
                            refreshToken: string;
                            /**
                             * Format: date-time
                             * @description When the access token expires
                             */
                            expiresAt: string;
                            user: {
                                id: string;
                                username: string;
                                displayName: string;
                                roles: components["schemas"]["Role"][];
                                /** @description True for an account made or reset by an admin: every route but the password change answers 403 until it is changed */
                                mustChangePassword?: boolean;
                                city: string | null;
                                /** @description The IANA zone of each city the caller acts in (their own; region staff every city's): the console shows a city's dates and times in it */
                                timeZones: {
                                    [key: string]: string;
                                };
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange a refresh token for a new token pair (each refresh token works once)
         * @description The refresh token given is used up. Presenting a used one again ends the whole session (both tokens of every generation): it means a copy was stolen.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        refreshToken: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Access token: send as `Authorization: Bearer <token>` */
                            token: string;
                            /** @description Exchange at /api/auth/refresh for a new pair */
                            refreshToken: string;
                            /**
                             * Format: date-time
                             * @description When the access token expires
                             */
                            expiresAt: string;
                            user: {
                                id: string;
                                username: string;
                                displayName: string;
                                roles: components["schemas"]["Role"][];
                                /** @description True for an account made or reset by an admin: every route but the password change answers 403 until it is changed */
                                mustChangePassword?: boolean;
                                city: string | null;
                                /** @description The IANA zone of each city the caller acts in (their own; region staff every city's): the console shows a city's dates and times in it */
                                timeZones: {
                                    [key: string]: string;
                                };
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change the caller's password; every other session of theirs ends
         * @description The new password must have at least 10 characters and not be guessable (zxcvbn-ts: common passwords, names, keyboard patterns). Answers a fresh session; the tokens of every earlier session stop working. The one route (besides logout) open to an account whose password an admin set.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        currentPassword: string;
                        newPassword: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Access token: send as `Authorization: Bearer <token>` */
                            token: string;
                            /** @description Exchange at /api/auth/refresh for a new pair */
                            refreshToken: string;
                            /**
                             * Format: date-time
                             * @description When the access token expires
                             */
                            expiresAt: string;
                            user: {
                                id: string;
                                username: string;
                                displayName: string;
                                roles: components["schemas"]["Role"][];
                                /** @description True for an account made or reset by an admin: every route but the password change answers 403 until it is changed */
                                mustChangePassword?: boolean;
                                city: string | null;
                                /** @description The IANA zone of each city the caller acts in (their own; region staff every city's): the console shows a city's dates and times in it */
                                timeZones: {
                                    [key: string]: string;
                                };
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End the caller's session: its access and refresh tokens stop working */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Signed out */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who the caller is and where they act */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            username: string;
                            displayName: string;
                            roles: components["schemas"]["Role"][];
                            /** @description True for an account made or reset by an admin: every route but the password change answers 403 until it is changed */
                            mustChangePassword?: boolean;
                            city: string | null;
                            /** @description The IANA zone of each city the caller acts in (their own; region staff every city's): the console shows a city's dates and times in it */
                            timeZones: {
                                [key: string]: string;
                            };
                            /** @enum {string} */
                            kind: "user";
                            departmentId: string | null;
                            areaCode: string | null;
                            gridCodes: string[];
                        } | {
                            /** @enum {string} */
                            kind: "integration";
                            keyId: string;
                            name: string;
                            city: string;
                            scopes: string[];
                            source: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Cases the caller may see, newest first
         * @description `state` takes one state or a comma-separated list; `overdue=true` keeps the open cases whose current stage is past its limit (red light); `mine=true` keeps the cases the caller reported (an officer’s 我的上报). `q` searches the case number, address and description (and, for intake operators, the phone of the reporter or of a caller attached to the case); `caseNo` and `address` match part of that field alone; `phone` (intake operators only) finds the cases that number called about; `from`/`to` bound the report time (a day is the city’s local day, both inclusive, or an ISO instant). All filters combine. `format=csv` or `format=xlsx` answers every matching case (at most 10000, page ignored) as a ledger (台账) file with Chinese headers and names. `total` counts the matching cases up to 10000: past that it is 10000 with `totalExact: false` (show "10000+"). A text search (`q`, `address`, `caseNo` with part of a number) is not counted — a word is found in every year of a city, and counting would read them all: `total` is the cases up to the end of this page, with `totalExact: false` while more follow. Pages: `page` reaches the first 10000 cases; every page answers `nextCursor`, and `cursor=<nextCursor>` reads the page after it however deep (newest first, each case once even while cases are reported).
         */
        get: {
            parameters: {
                query?: {
                    state?: string;
                    gridCode?: string;
                    departmentId?: string;
                    overdue?: "true" | "false";
                    mine?: "true" | "false";
                    page?: number;
                    pageSize?: number;
                    cursor?: string;
                    format?: "json" | "csv" | "xlsx";
                    q?: string;
                    phone?: string;
                    caseNo?: string;
                    address?: string;
                    categoryCode?: string;
                    districtCode?: string;
                    from?: string;
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Case"][];
                            total: number;
                            totalExact: boolean;
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One case with its timeline (a case outside the caller’s jurisdiction answers 404) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CaseDetail"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My notices, newest first, and how many are unread */
        get: {
            parameters: {
                query?: {
                    unread?: "true" | "false";
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                caseId: string | null;
                                caseNo: string | null;
                                event: string;
                                data: {
                                    [key: string]: unknown;
                                } | null;
                                audience: string;
                                urgent: boolean;
                                at: string;
                                read: boolean;
                            }[];
                            unread: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notices/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Marks my notices read: the ids given, or all but the urgent ones */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        ids?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            unread: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/grids/locate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The unit grid (单元网格) containing a point */
        get: {
            parameters: {
                query: {
                    lat: number;
                    lng: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            name: string;
                            districtCode: string;
                            streetCode: string;
                            communityCode: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/grids/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A unit grid with its outline (GeoJSON Polygon, [lng, lat]) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            name: string;
                            districtCode: string;
                            streetCode: string;
                            communityCode: string;
                            geometry: {
                                /** @enum {string} */
                                type: "Polygon";
                                coordinates: number[][][];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The category catalogue (部件/事件), both catalogue versions */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            /** @enum {string} */
                            kind: "component" | "event";
                            name: string;
                            nameEn: string;
                            catalogueVersion: string;
                            majorCode: string;
                            majorName: string;
                            handlingLimitMinutes: number;
                            urgentHandlingLimitMinutes: number;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/departments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Departments (专业部门) of the caller’s city, as a tree by parentId */
        get: {
            parameters: {
                query?: {
                    city?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            code: string;
                            name: string;
                            nameEn: string;
                            parentId: string | null;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/calendar/deadline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** When N working minutes from an instant end, on the office or patrol calendar */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date-time */
                        start: string;
                        workMinutes: number;
                        /** @enum {string} */
                        calendar: "office" | "patrol";
                        city?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            due: string;
                            beyondCalendar: boolean;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/basemap": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The base map (底图) of the caller’s city (a region user’s: `city`): its tile server, or roads and places drawn from its gazetteer
         * @description The city’s own setting (PUT /api/admin/cities/:city/base-map), else the deployment’s (BASE_MAP_TILES). A tile server: its URL template, attribution, coordinate system (wgs84, or gcj02 for Chinese tile services; the console shifts our WGS-84 points onto it) and deepest zoom. Our own: `roads` (a line per road through its building numbers) and `places` (named roads and landmarks) of the city, [lng, lat] in WGS-84.
         */
        get: {
            parameters: {
                query?: {
                    city?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description `{z}/{x}/{y}` tile URL template; null: draw `roads` and `places` */
                            tiles: string | null;
                            attribution: string;
                            /**
                             * @description the coordinate system the tiles are drawn in
                             * @enum {string}
                             */
                            coordinates: "wgs84" | "gcj02";
                            /** @description the deepest zoom the map offers */
                            maxZoom: number;
                            roads: {
                                /** @enum {string} */
                                type: "FeatureCollection";
                                features: {
                                    /** @enum {string} */
                                    type: "Feature";
                                    geometry: {
                                        /** @enum {string} */
                                        type: "LineString";
                                        coordinates: [
                                            number,
                                            number
                                        ][];
                                    };
                                    properties: {
                                        name: string;
                                        nameEn: string;
                                    };
                                }[];
                            };
                            places: {
                                /** @enum {string} */
                                type: "FeatureCollection";
                                features: {
                                    /** @enum {string} */
                                    type: "Feature";
                                    geometry: {
                                        /** @enum {string} */
                                        type: "Point";
                                        coordinates: [
                                            number,
                                            number
                                        ];
                                    };
                                    properties: {
                                        name: string;
                                        nameEn: string;
                                        /** @enum {string} */
                                        kind: "road" | "landmark";
                                    };
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/areas": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** District, street or community outlines of the caller’s city (GeoJSON, [lng, lat]) */
        get: {
            parameters: {
                query?: {
                    level?: "district" | "street" | "community";
                    parent?: string;
                    city?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            type: "FeatureCollection";
                            features: {
                                /** @enum {string} */
                                type: "Feature";
                                geometry: unknown;
                                properties: {
                                    code: string;
                                    name: string;
                                    nameEn: string;
                                    /** @enum {string} */
                                    level: "district" | "street" | "community";
                                    parentCode: string | null;
                                };
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/grids": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Unit grid outlines inside a box (minLng,minLat,maxLng,maxLat), at most 2000 */
        get: {
            parameters: {
                query: {
                    bbox: string;
                    city?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            type: "FeatureCollection";
                            features: {
                                /** @enum {string} */
                                type: "Feature";
                                geometry: unknown;
                                properties: {
                                    code: string;
                                    name: string;
                                    communityCode: string;
                                };
                            }[];
                            truncated: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The admin audit log: who changed what, when, before and after; format=csv exports it */
        get: {
            parameters: {
                query?: {
                    city?: string;
                    from?: string;
                    to?: string;
                    actor?: string;
                    page?: number;
                    pageSize?: number;
                    format?: "json" | "csv";
                    entity?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                at: string;
                                actor: string;
                                city: string | null;
                                entity: string;
                                entityKey: string;
                                action: string;
                                before: unknown;
                                after: unknown;
                            }[];
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/calendars/{city}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A city's calendars, its loaded years and the days of one year (public and its own) */
        get: {
            parameters: {
                query?: {
                    year?: number;
                };
                header?: never;
                path: {
                    city: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            city: string;
                            calendars: {
                                code: string;
                                name: string;
                                timeZone: string;
                                followsPublicHolidays: boolean;
                                weekly: {
                                    [key: string]: {
                                        start: string;
                                        end: string;
                                    }[];
                                };
                                makeUpPeriods: {
                                    start: string;
                                    end: string;
                                }[];
                                version: number;
                            }[];
                            knownUntil: string;
                            loadedYears: {
                                year: number;
                                source: string;
                            }[];
                            availableYears: number[];
                            year: number;
                            days: {
                                date: string;
                                /** @enum {string} */
                                kind: "holiday" | "workday";
                                name: string;
                                /** @enum {string} */
                                source: "public" | "local";
                                version: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/calendars/{city}/hours/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Sets a calendar's working hours: each ISO weekday's periods (1 = Monday) and a make-up working day's (If-Match: its version)
         * @description E.g. `{"weekly": {"1": [{"start": "08:30", "end": "12:00"}, {"start": "13:30", "end": "17:30"}], …}, "makeUpPeriods": []}`; an empty makeUpPeriods keeps the weekday's (or Monday's) periods. Every process's deadlines follow within seconds.
         */
        put: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The version (ETag) of the record the edit was made on; stale answers 409 */
                    "if-match"?: string;
                };
                path: {
                    city: string;
                    code: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        weekly: {
                            [key: string]: {
                                start: string;
                                end: string;
                            }[];
                        };
                        /** @default [] */
                        makeUpPeriods?: {
                            start: string;
                            end: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            name: string;
                            timeZone: string;
                            followsPublicHolidays: boolean;
                            weekly: {
                                [key: string]: {
                                    start: string;
                                    end: string;
                                }[];
                            };
                            makeUpPeriods: {
                                start: string;
                                end: string;
                            }[];
                            version: number;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/calendars/{city}/days/{date}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Sets a day of the city's own: a holiday or a working day (over the public row of the date) */
        put: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The version (ETag) of the record the edit was made on; stale answers 409 */
                    "if-match"?: string;
                };
                path: {
                    city: string;
                    date: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        kind: "holiday" | "workday";
                        name?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            date: string;
                            /** @enum {string} */
                            kind: "holiday" | "workday";
                            name: string;
                            /** @enum {string} */
                            source: "public" | "local";
                            version: number;
                        };
                    };
                };
            };
        };
        post?: never;
        /** Removes a day of the city's own; the public row of the date, if any, applies again */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The version (ETag) of the record the edit was made on; stale answers 409 */
                    "if-match"?: string;
                };
                path: {
                    city: string;
                    date: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            date: string;
                            /** @enum {string} */
                            kind: "holiday" | "workday";
                            name: string;
                            /** @enum {string} */
                            source: "public" | "local";
                            version: number;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/calendars/{city}/years/{year}/load": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Loads a year's public holidays and make-up working days (chinese-days) into the city */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    city: string;
                    year: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            year: number;
                            written: boolean;
                            days: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/calendars/{city}/deadlines/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * When deadlines from an instant fall on a calendar of the city as it is, and with proposed days and hours
         * @description Name the work either as `calendar` and `workMinutes`, or as a category's `stage` and `urgency` (its limit on the calendar the category names for the stage, else the stage's: patrol for verify and check, office for the rest). `days` and `hours` are what the admin is about to set: each row then also says when it would fall.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    city: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        calendar?: string;
                        workMinutes?: number[];
                        stage?: {
                            categoryCode: string;
                            /** @enum {string} */
                            stage: "verify" | "file" | "dispatch" | "handle" | "check" | "close";
                            /**
                             * @default normal
                             * @enum {string}
                             */
                            urgency?: "normal" | "urgent";
                        };
                        /** Format: date-time */
                        start: string;
                        /** @default [] */
                        days?: {
                            /** Format: date */
                            date: string;
                            kind: ("holiday" | "workday") | null;
                        }[];
                        hours?: {
                            weekly: {
                                [key: string]: {
                                    start: string;
                                    end: string;
                                }[];
                            };
                            /** @default [] */
                            makeUpPeriods?: {
                                start: string;
                                end: string;
                            }[];
                            calendar: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            calendar: string;
                            rows: {
                                workMinutes: number;
                                due: string;
                                beyondCalendar: boolean;
                                proposed?: {
                                    due: string;
                                    beyondCalendar: boolean;
                                };
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The accounts the admin manages (a city's, or every one for a region admin), by username */
        get: {
            parameters: {
                query?: {
                    city?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            users: {
                                id: string;
                                username: string;
                                displayName: string;
                                roles: components["schemas"]["Role"][];
                                city: string | null;
                                districtCode: string | null;
                                departmentId: string | null;
                                phone: string | null;
                                active: boolean;
                                mustChangePassword: boolean;
                                version: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Creates a staff account in a city; its password must be changed at the first login */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        username: string;
                        displayName: string;
                        roles: components["schemas"]["Role"][];
                        city: string;
                        districtCode?: string;
                        /** @description The first password, which the person must change at their first login (the admin knows it) */
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            username: string;
                            displayName: string;
                            roles: components["schemas"]["Role"][];
                            city: string | null;
                            districtCode: string | null;
                            departmentId: string | null;
                            phone: string | null;
                            active: boolean;
                            mustChangePassword: boolean;
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/users/{username}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One account with an officer’s grids; the ETag is its version */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    username: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            username: string;
                            displayName: string;
                            roles: components["schemas"]["Role"][];
                            city: string | null;
                            districtCode: string | null;
                            departmentId: string | null;
                            phone: string | null;
                            active: boolean;
                            mustChangePassword: boolean;
                            version: number;
                            grids: string[];
                        };
                    };
                };
            };
        };
        /**
         * Edits an account: display name, roles, jurisdiction (city, district, department), an officer's grids or streets, telephone (If-Match: its version)
         * @description A change of roles or jurisdiction (city, district, department, grids) ends the account’s sessions at once, in every process.
         */
        put: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The version (ETag) of the record the edit was made on; stale answers 409 */
                    "if-match"?: string;
                };
                path: {
                    username: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        displayName: string;
                        roles: components["schemas"]["Role"][];
                        city: string;
                        /** @default null */
                        districtCode?: string | null;
                        /** @default null */
                        departmentId?: string | null;
                        /** @default null */
                        phone?: string | null;
                        /**
                         * @description An officer's unit grids
                         * @default []
                         */
                        grids?: string[];
                        /**
                         * @description Streets (街道) whose every grid the officer covers
                         * @default []
                         */
                        streets?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            username: string;
                            displayName: string;
                            roles: components["schemas"]["Role"][];
                            city: string | null;
                            districtCode: string | null;
                            departmentId: string | null;
                            phone: string | null;
                            active: boolean;
                            mustChangePassword: boolean;
                            version: number;
                            grids: string[];
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/users/{username}/reactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reactivates a deactivated account: it signs in again with its password */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    username: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            username: string;
                            displayName: string;
                            roles: components["schemas"]["Role"][];
                            city: string | null;
                            districtCode: string | null;
                            departmentId: string | null;
                            phone: string | null;
                            active: boolean;
                            mustChangePassword: boolean;
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/users/{username}/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Replaces an account's roles; its sessions end (it signs in again with the new roles) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    username: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        roles: components["schemas"]["Role"][];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            username: string;
                            displayName: string;
                            roles: components["schemas"]["Role"][];
                            city: string | null;
                            districtCode: string | null;
                            departmentId: string | null;
                            phone: string | null;
                            active: boolean;
                            mustChangePassword: boolean;
                            version: number;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/users/{username}/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resets an account's password: its sessions end and it must choose a new one at the next login */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    username: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description At least 10 characters, not guessable (zxcvbn-ts) */
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            username: string;
                            displayName: string;
                            roles: components["schemas"]["Role"][];
                            city: string | null;
                            districtCode: string | null;
                            departmentId: string | null;
                            phone: string | null;
                            active: boolean;
                            mustChangePassword: boolean;
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/users/{username}/deactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Deactivates an account: it cannot sign in, and its tokens and live sockets stop at once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    username: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            username: string;
                            displayName: string;
                            roles: components["schemas"]["Role"][];
                            city: string | null;
                            districtCode: string | null;
                            departmentId: string | null;
                            phone: string | null;
                            active: boolean;
                            mustChangePassword: boolean;
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/departments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A city's departments, retired ones too, by code */
        get: {
            parameters: {
                query?: {
                    /** @description Default: the admin's city (a region admin names one) */
                    city?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            departments: components["schemas"]["AdminDepartment"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Creates a department of a city */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                        name: string;
                        nameEn: string;
                        /** @default null */
                        parentId?: string | null;
                        /** @default null */
                        contactName?: string | null;
                        /** @default null */
                        contactPhone?: string | null;
                        city: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminDepartment"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/departments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Changes a department's code, names, parent and contact (If-Match: its version) */
        put: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The version (ETag) of the record the edit was made on; stale answers 409 */
                    "if-match"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                        name: string;
                        nameEn: string;
                        /** @default null */
                        parentId?: string | null;
                        /** @default null */
                        contactName?: string | null;
                        /** @default null */
                        contactPhone?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminDepartment"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/departments/{id}/retire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Retires a department from a date (撤销; If-Match: its version): refused while a department in service is under it or the matrix names it */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The version (ETag) of the record the edit was made on; stale answers 409 */
                    "if-match"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: date
                         * @description The first day it takes no cases
                         */
                        retiredOn: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminDepartment"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/rota/{city}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The city's duty rota: the shifts that start in a period
         * @description `format=xlsx` answers the workbook the import takes: 用户名, 姓名, 开始时间, 结束时间 (local time, `2026-03-02 08:00`).
         */
        get: {
            parameters: {
                query: {
                    /** @description The first local day of the period (the city's zone) */
                    from: string;
                    /** @description The last local day, included; at most 62 days after from */
                    to: string;
                    format?: "json" | "xlsx";
                };
                header?: never;
                path: {
                    city: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            shifts: {
                                username: string;
                                name: string;
                                startsAt: string;
                                endsAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/rota/{city}/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Replaces the shifts that start in a period with a workbook's (the export's columns)
         * @description The body is the workbook (Content-Type application/vnd.openxmlformats-officedocument.spreadsheetml.sheet) whose first sheet has the columns 用户名, 开始时间 and 结束时间 (姓名 ignored). Every row must be an active grid officer of the city on a shift of at most 24 hours starting in the period, not overlapping another. Any bad row answers 400 with `rowErrors` (every bad row by its number) and nothing is imported.
         */
        post: {
            parameters: {
                query: {
                    /** @description The first local day of the period (the city's zone) */
                    from: string;
                    /** @description The last local day, included; at most 62 days after from */
                    to: string;
                };
                header?: never;
                path: {
                    city: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            removed: number;
                            added: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/grids/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Imports the city's unit grids (GeoJSON): a preview, or with apply=true the next grid version
         * @description The body is a FeatureCollection of Polygon features with `properties.code` (15 digits), `properties.communityCode` and optionally `properties.name`: the whole layer of the city, so a grid the city has and the file lacks is retired. Without `apply=true` nothing is written. Applying with problems of severity `error` answers 400 with them; `If-Match` names the version the preview was made on (409 when another import came first).
         */
        post: {
            parameters: {
                query?: {
                    city?: string;
                    apply?: "true" | "false";
                };
                header?: {
                    /** @description The version (ETag) of the record the edit was made on; stale answers 409 */
                    "if-match"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        type: "FeatureCollection";
                        features: unknown[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            city: string;
                            version: number;
                            applied: boolean;
                            validFrom: string | null;
                            added: number;
                            changed: number;
                            retired: number;
                            unchanged: number;
                            codes: {
                                added: string[];
                                changed: string[];
                                retired: string[];
                            };
                            problems: {
                                /** @enum {string} */
                                severity: "error" | "warning";
                                /** @enum {string} */
                                kind: "feature" | "geometry" | "code" | "community" | "duplicate" | "overlap" | "gap";
                                message: string;
                                feature?: number;
                                code?: string;
                                otherCode?: string;
                                communityCode?: string;
                                areaM2?: number;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/grids/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The city's current unit grids as a GeoJSON FeatureCollection (what an import takes) */
        get: {
            parameters: {
                query?: {
                    city?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            type: "FeatureCollection";
                            features: {
                                /** @enum {string} */
                                type: "Feature";
                                geometry: {
                                    /** @enum {string} */
                                    type: "Polygon";
                                    coordinates: number[][][];
                                };
                                properties: {
                                    code: string;
                                    communityCode: string;
                                    name: string;
                                };
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/cities/{city}/publication": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Which report sources the city's public feeds (Open311) show */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    city: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            city: string;
                            publishedSources: ("hotline" | "app" | "officer" | "public" | "video" | "inspection" | "police110")[];
                            version: number;
                        };
                    };
                };
            };
        };
        /** Sets which report sources the city's public feeds (Open311) show (If-Match its version) */
        put: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The version (ETag) of the record the edit was made on; stale answers 409 */
                    "if-match"?: string;
                };
                path: {
                    city: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        publishedSources: ("hotline" | "app" | "officer" | "public" | "video" | "inspection" | "police110")[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            city: string;
                            publishedSources: ("hotline" | "app" | "officer" | "public" | "video" | "inspection" | "police110")[];
                            version: number;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The API keys of the admin's city (or of every city), without secrets, with their last use */
        get: {
            parameters: {
                query?: {
                    city?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["ApiKey"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Creates an API key for an integration; the key is in this answer only (stored hashed) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /**
                         * @description The source its reports carry
                         * @enum {string}
                         */
                        source: "hotline" | "app" | "public" | "video" | "inspection" | "police110";
                        scopes: ("report:create" | "report:read" | "police110")[];
                        rateLimitPerMinute: number;
                        /** @description The key's city; default the admin's own */
                        city?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            city: string;
                            source: string;
                            scopes: string[];
                            rateLimitPerMinute: number;
                            createdAt: string;
                            lastUsedAt: string | null;
                            revokedAt: string | null;
                            /** @description The ETag an edit names in If-Match */
                            version: number;
                            key: string;
                            /** @description A 110 key only: the secret its requests are signed with (X-Urbangrid-Signature), shown once */
                            signingSecret?: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Changes a key's rate per minute: its next requests, in every process, count against it
         * @description If-Match names the version the admin saw (409 when stale); a revoked key takes no change (409). Recorded in the admin audit log with the rate before and after.
         */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The version (ETag) of the record the edit was made on; stale answers 409 */
                    "if-match"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        rateLimitPerMinute: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiKey"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/admin/api-keys/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revokes an API key: every process refuses it (401) from its next request on */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiKey"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/cities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The cities the admin manages (every city for a region admin), retired ones too */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["AdminCity"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Adds a city (region admins): code, names, time zone, calendars (public holidays loaded) and evaluation settings */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                        name: string;
                        nameEn: string;
                        timeZone: string;
                        /** @description Default: office (Mon–Fri 08:00–12:00, 14:00–18:00) and patrol (every day 07:30–22:30) */
                        calendars?: {
                            code: string;
                            name: string;
                            weekly: {
                                [key: string]: {
                                    start: string;
                                    end: string;
                                }[];
                            };
                            makeUpPeriods?: {
                                start: string;
                                end: string;
                            }[];
                            followsPublicHolidays: boolean;
                        }[];
                        /** @description Default: domain.md §6's weights and bands */
                        evaluation?: {
                            weights: {
                                officer: {
                                    validReportRate: number;
                                    onTimeVerificationRate: number;
                                    onTimeCheckRate: number;
                                    missedReportRate: number;
                                };
                                intakeOperator: {
                                    volumeScore: number;
                                    onTimeVerificationDispatchRate: number;
                                    onTimeCheckDispatchRate: number;
                                };
                                shiftLead: {
                                    onTimeFilingRate: number;
                                    accurateFilingRate: number;
                                    onTimeClosingRate: number;
                                };
                                dispatcher: {
                                    volumeScore: number;
                                    onTimeDispatchRate: number;
                                    accurateDispatchRate: number;
                                };
                                department: {
                                    handlingRate: number;
                                    onTimeHandlingRate: number;
                                    reworkRate: number;
                                    overduePendingRate: number;
                                    extensionRate: number;
                                };
                                area: {
                                    closingRate: number;
                                    onTimeClosingRate: number;
                                    publicReportRate: number;
                                };
                            };
                            grades: {
                                bands: {
                                    grade: string;
                                    min: number;
                                }[];
                                below: string;
                            };
                            volumeBands: {
                                intakeOperator: {
                                    atLeast: number;
                                    score: number;
                                }[];
                                dispatcher: {
                                    atLeast: number;
                                    score: number;
                                }[];
                            };
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminCity"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/cities/{city}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Renames a city (If-Match: its version) */
        put: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The version (ETag) of the record the edit was made on; stale answers 409 */
                    "if-match"?: string;
                };
                path: {
                    city: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        nameEn: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminCity"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/cities/{city}/base-map": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Sets a city's base map (底图): a tile server (its {z}/{x}/{y} URL template, attribution, WGS-84 or GCJ-02, deepest zoom), `own` (drawn from the city's gazetteer) or null (the deployment's); If-Match: the city's version
         * @description The tile server's origin must be among the deployment's CSP_IMG_SOURCES, else browsers would refuse its tiles (400). Every map of the city's users, and of region users looking at the city, draws on it.
         */
        put: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The version (ETag) of the record the edit was made on; stale answers 409 */
                    "if-match"?: string;
                };
                path: {
                    city: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        baseMap: components["schemas"]["CityBaseMapInput"] | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminCity"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/cities/{city}/retire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Retires a city from a date (region admins; If-Match: its version) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The version (ETag) of the record the edit was made on; stale answers 409 */
                    "if-match"?: string;
                };
                path: {
                    city: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: date
                         * @description The first day it is no longer served
                         */
                        retiredOn: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminCity"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/cities/{city}/areas": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A city's districts, streets and communities, retired ones too, in code order */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    city: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["AdminArea"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Adds a district (6 digits), street (街道, 9) or community (社区, 12) under the area its code extends */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    city: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        level: "district" | "street" | "community";
                        code: string;
                        name: string;
                        nameEn: string;
                        population?: number;
                        areaKm2?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminArea"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/areas/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Renames a district, street or community (If-Match: its version) */
        put: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The version (ETag) of the record the edit was made on; stale answers 409 */
                    "if-match"?: string;
                };
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        nameEn: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminArea"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/areas/{code}/retire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Retires an area from a date, once the areas under it are retired and its grids re-cut (If-Match: its version) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The version (ETag) of the record the edit was made on; stale answers 409 */
                    "if-match"?: string;
                };
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: date
                         * @description The first day it is no longer served
                         */
                        retiredOn: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminArea"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/cities/{city}/evaluation-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A city's evaluation settings: the one in effect today, every version, and the indicators */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    city: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            city: string;
                            current: components["schemas"]["EvaluationSettings"];
                            latestVersion: number;
                            versions: components["schemas"]["EvaluationSettings"][];
                            indicators: {
                                /** @enum {string} */
                                subject: "officer" | "intakeOperator" | "shiftLead" | "dispatcher" | "department" | "area";
                                key: string;
                                label: {
                                    "zh-CN": string;
                                    en: string;
                                };
                                /** @enum {string} */
                                direction: "higher" | "lower";
                                defaultWeight: number;
                            }[];
                        };
                    };
                };
            };
        };
        /** Sets a city's indicator weights and grade bands from a date (a new version; If-Match: the latest version) */
        put: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The version (ETag) of the record the edit was made on; stale answers 409 */
                    "if-match"?: string;
                };
                path: {
                    city: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: date
                         * @description The city's local date the settings apply from
                         */
                        effectiveFrom: string;
                        weights: {
                            officer: {
                                validReportRate: number;
                                onTimeVerificationRate: number;
                                onTimeCheckRate: number;
                                missedReportRate: number;
                            };
                            intakeOperator: {
                                volumeScore: number;
                                onTimeVerificationDispatchRate: number;
                                onTimeCheckDispatchRate: number;
                            };
                            shiftLead: {
                                onTimeFilingRate: number;
                                accurateFilingRate: number;
                                onTimeClosingRate: number;
                            };
                            dispatcher: {
                                volumeScore: number;
                                onTimeDispatchRate: number;
                                accurateDispatchRate: number;
                            };
                            department: {
                                handlingRate: number;
                                onTimeHandlingRate: number;
                                reworkRate: number;
                                overduePendingRate: number;
                                extensionRate: number;
                            };
                            area: {
                                closingRate: number;
                                onTimeClosingRate: number;
                                publicReportRate: number;
                            };
                        };
                        grades: {
                            bands: {
                                grade: string;
                                min: number;
                            }[];
                            below: string;
                        };
                        /** @description Default: those of the latest version */
                        volumeBands?: {
                            intakeOperator: {
                                atLeast: number;
                                score: number;
                            }[];
                            dispatcher: {
                                atLeast: number;
                                score: number;
                            }[];
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EvaluationSettings"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The webhook subscriptions of the cities the admin administers */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["WebhookSubscription"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Subscribes a URL to case events, of the whole city or of one department; the secret is shown once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: uri
                         * @description Where deliveries are POSTed
                         */
                        url: string;
                        events: components["schemas"]["WebhookEventInput"][];
                        departmentId?: string;
                        /**
                         * @description police110: the 110 police desk’s subscription (README: 110 linkage)
                         * @enum {string}
                         */
                        integration?: "police110";
                        /** @description Default: the admin's city (a region admin names one) */
                        city?: string;
                        description?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            city: string;
                            /** @description Only cases with this department; null for the whole city */
                            departmentId: string | null;
                            /** @description An outside system’s subscription: police110 hears only the cases 110 handed over and those handed over to it */
                            integration: "police110" | null;
                            description: string | null;
                            url: string;
                            events: components["schemas"]["WebhookEvent"][];
                            active: boolean;
                            /** @description When it ended: its receiver answered 410 Gone */
                            endedAt: string | null;
                            endedReason: string | null;
                            version: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            /** @description The signing secret: shown this once, keep it with the receiver */
                            secret: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One webhook subscription */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebhookSubscription"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Removes a subscription and its delivery log */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The version (ETag) of the record the edit was made on; stale answers 409 */
                    "if-match"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebhookSubscription"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Changes a subscription: its URL, events, department or description; pauses or restarts it */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The version (ETag) of the record the edit was made on; stale answers 409 */
                    "if-match"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: uri
                         * @description Where deliveries are POSTed
                         */
                        url?: string;
                        events?: components["schemas"]["WebhookEventInput"][];
                        departmentId?: string | null;
                        description?: string | null;
                        /** @description false pauses it (waiting deliveries are cancelled); true restarts it, also after a 410 */
                        active?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebhookSubscription"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/admin/webhooks/{id}/secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Gives the subscription a new signing secret (the old one stops at once); shown once */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The version (ETag) of the record the edit was made on; stale answers 409 */
                    "if-match"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            city: string;
                            /** @description Only cases with this department; null for the whole city */
                            departmentId: string | null;
                            /** @description An outside system’s subscription: police110 hears only the cases 110 handed over and those handed over to it */
                            integration: "police110" | null;
                            description: string | null;
                            url: string;
                            events: components["schemas"]["WebhookEvent"][];
                            active: boolean;
                            /** @description When it ended: its receiver answered 410 Gone */
                            endedAt: string | null;
                            endedReason: string | null;
                            version: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            /** @description The signing secret: shown this once, keep it with the receiver */
                            secret: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A subscription's delivery log, newest first: status, attempts, last answer and its latency */
        get: {
            parameters: {
                query?: {
                    status?: "pending" | "delivered" | "dead" | "cancelled";
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["WebhookDelivery"][];
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/webhooks/{id}/deliveries/{deliveryId}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sends a delivery again (a dead-lettered one, say), retried for another 24 h; the same delivery id */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    deliveryId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebhookDelivery"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/matrix/{city}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The city's responsibility matrix (category × area → department) and what it may name
         * @description `format=xlsx` answers the matrix as a workbook with Chinese headers (分类代码, 分类名称, 区域代码, 区域名称, 部门代码, 部门名称), the file the import takes.
         */
        get: {
            parameters: {
                query?: {
                    format?: "json" | "xlsx";
                };
                header?: never;
                path: {
                    city: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            city: string;
                            categories: {
                                code: string;
                                name: string;
                                nameEn: string;
                                active: boolean;
                            }[];
                            areas: {
                                code: string;
                                name: string;
                                /** @enum {string} */
                                level: "district" | "street" | "community";
                                parentCode: string | null;
                            }[];
                            departments: {
                                id: string;
                                code: string;
                                name: string;
                            }[];
                            cells: {
                                categoryCode: string;
                                areaCode: string;
                                departmentId: string;
                                version: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/matrix/{city}/cells/{category}/{area}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Names the department of one category in one area (district, street or community) */
        put: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The version (ETag) of the record the edit was made on; stale answers 409 */
                    "if-match"?: string;
                };
                path: {
                    city: string;
                    category: string;
                    area: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        departmentId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            categoryCode: string;
                            areaCode: string;
                            departmentId: string;
                            version: number;
                        };
                    };
                };
            };
        };
        post?: never;
        /** Empties one cell: the wider area, or the category’s default department, answers then */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The version (ETag) of the record the edit was made on; stale answers 409 */
                    "if-match"?: string;
                };
                path: {
                    city: string;
                    category: string;
                    area: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            categoryCode: string;
                            areaCode: string;
                            departmentId: string;
                            version: number;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/matrix/{city}/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Replaces the city's matrix with an XLSX file (the export's columns)
         * @description The body is the workbook (Content-Type application/vnd.openxmlformats-officedocument.spreadsheetml.sheet) whose first sheet has the columns 分类代码, 区域代码 and 部门代码 (names ignored): the whole matrix, so a cell the city has and the file lacks is removed. Any bad row answers 400 with `rowErrors` (every bad row by its number in the sheet) and nothing is imported.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    city: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            added: number;
                            changed: number;
                            removed: number;
                            unchanged: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/matrix/{city}/gaps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every active category and district the matrix names no department for */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    city: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            gaps: {
                                categoryCode: string;
                                categoryName: string;
                                districtCode: string;
                                districtName: string;
                                fallbackDepartmentId: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/catalogues": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The catalogue versions, with the day each comes into force */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            today: string;
                            versions: components["schemas"]["CatalogueVersion"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * A new catalogue version (region admins): a copy of another, or the categories given
         * @description `copyOf` starts the version with the categories of another one that are not withdrawn, their codes in the 2026 shape (C0101 → C01001, E0505 → M05005): a code is what cases keep, so it belongs to one version, and a copied code another version has already is left out (`skipped`). `categories` add to (or replace) the copied ones. Without `effectiveFrom` the version is a draft.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        version: string;
                        name: string;
                        nameEn: string;
                        /** @description The first day (local date) new reports may use it */
                        effectiveFrom?: string | null;
                        copyOf?: string;
                        categories?: {
                            /** @description 大类名称 */
                            majorName: string;
                            name: string;
                            nameEn: string;
                            /** @description 立案条件 */
                            filingCondition: string;
                            /** @description 结案条件 */
                            closingCondition: string;
                            timeLimits: {
                                normal: {
                                    verify: number;
                                    file: number;
                                    dispatch: number;
                                    handle: number;
                                    check: number;
                                    close: number;
                                };
                                urgent: {
                                    verify: number;
                                    file: number;
                                    dispatch: number;
                                    handle: number;
                                    check: number;
                                    close: number;
                                };
                            };
                            /**
                             * @description The calendar each stage counts on (e.g. verify: 'patrol'); a stage not named uses its default
                             * @default {}
                             */
                            stageCalendars?: {
                                [key: string]: string;
                            };
                            /** @default null */
                            defaultDepartmentCode?: string | null;
                            /**
                             * @description The city of a local class (9x); null for a national category
                             * @default null
                             */
                            city?: string | null;
                            code: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            version: components["schemas"]["CatalogueVersion"];
                            categories: components["schemas"]["CatalogueCategory"][];
                            /** @description Copied codes another version has already */
                            skipped: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/catalogues/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A version and its categories (a city's admin: national ones and the city's own) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    version: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            version: components["schemas"]["CatalogueVersion"];
                            categories: components["schemas"]["CatalogueCategory"][];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Renames a version, or sets the day it comes into force (null: a draft again)
         * @description The day can be set or cleared only while the version is not in force, and not before today.
         */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The version (ETag) of the record the edit was made on; stale answers 409 */
                    "if-match"?: string;
                };
                path: {
                    version: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        nameEn?: string;
                        /** @description The first day (local date) new reports may use it */
                        effectiveFrom?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CatalogueVersion"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/admin/catalogues/{version}/categories/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Creates or replaces a category of a version not in force yet
         * @description Region admins any category, a city's admin the city's local classes (9x). The kind and the major and minor classes follow from the code; one version holds codes of one shape (2013 or 2026).
         */
        put: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The version (ETag) of the record the edit was made on; stale answers 409 */
                    "if-match"?: string;
                };
                path: {
                    version: string;
                    code: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 大类名称 */
                        majorName: string;
                        name: string;
                        nameEn: string;
                        /** @description 立案条件 */
                        filingCondition: string;
                        /** @description 结案条件 */
                        closingCondition: string;
                        timeLimits: {
                            normal: {
                                verify: number;
                                file: number;
                                dispatch: number;
                                handle: number;
                                check: number;
                                close: number;
                            };
                            urgent: {
                                verify: number;
                                file: number;
                                dispatch: number;
                                handle: number;
                                check: number;
                                close: number;
                            };
                        };
                        /**
                         * @description The calendar each stage counts on (e.g. verify: 'patrol'); a stage not named uses its default
                         * @default {}
                         */
                        stageCalendars?: {
                            [key: string]: string;
                        };
                        /** @default null */
                        defaultDepartmentCode?: string | null;
                        /**
                         * @description The city of a local class (9x); null for a national category
                         * @default null
                         */
                        city?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CatalogueCategory"];
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CatalogueCategory"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/catalogues/{version}/questions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A city's questions (追问) of the version's categories: Open311's service definitions */
        get: {
            parameters: {
                query?: {
                    /** @description The city whose questions; default the admin's own */
                    city?: string;
                };
                header?: never;
                path: {
                    version: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            city: string;
                            items: components["schemas"]["CategoryQuestions"][];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/catalogues/{version}/categories/{code}/questions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Sets the questions a category asks in a city (its Open311 service definition attributes)
         * @description A city's admin for their city, a region admin for the city named (?city=). Each question is a GeoReport v2 attribute: code, datatype (string, number, datetime, text, singlevaluelist, multivaluelist), required, order, the question in Chinese and English, and a list’s values (key, name, nameEn). An empty list asks nothing (metadata false). If-Match names the version seen (0 before any); stale answers 409. Recorded in the admin audit log (category_questions).
         */
        put: {
            parameters: {
                query?: {
                    /** @description The city whose questions; default the admin's own */
                    city?: string;
                };
                header?: {
                    /** @description The version (ETag) of the record the edit was made on; stale answers 409 */
                    "if-match"?: string;
                };
                path: {
                    version: string;
                    code: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        questions: components["schemas"]["ServiceQuestionInput"][];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CategoryQuestions"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/catalogues/{version}/categories/{code}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraws a category (撤销): no new report or filing names it, filed cases keep it */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The version (ETag) of the record the edit was made on; stale answers 409 */
                    "if-match"?: string;
                };
                path: {
                    version: string;
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CatalogueCategory"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/phone-access": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who saw which reporter's full phone number, when and where; format=csv exports it */
        get: {
            parameters: {
                query?: {
                    city?: string;
                    from?: string;
                    to?: string;
                    actor?: string;
                    page?: number;
                    pageSize?: number;
                    format?: "json" | "csv";
                    caseNo?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                at: string;
                                actor: string;
                                city: string;
                                districtCode: string;
                                caseId: string;
                                caseNo: string;
                                route: string;
                                requestId: string | null;
                            }[];
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/region/targets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Adds a plan indicator with its targets by year, or a later plan's years of an indicator (region admins)
         * @description A new code makes a new indicator (201). A known code takes the new years and the new names, cities and plan (200); its unit and direction stay (409 otherwise), and a year it has already answers 409: targets are added, never changed. A value outside its unit (above 100 %, a yes/no other than 0 or 1) answers 400.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RegionIndicatorInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RegionIndicatorView"];
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RegionIndicatorView"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/region/inspections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Plans an inspection round (检查考评): cities, days and a checklist of plan targets and categories (region admins)
         * @description Every city must be of the region, every `target` line a plan indicator (GET /api/region/targets) and every `category` line a catalogue category; each unknown one is named in `errors` (400). The region inspectors record findings during the round’s days (POST /api/intake/inspections/findings).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        cities: string[];
                        /** Format: date */
                        startsOn: string;
                        /** Format: date */
                        endsOn: string;
                        checklist: components["schemas"]["InspectionChecklistItemInput"][];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InspectionRound"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/surveys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Starts a public opinion survey (民意调查) of a city: questions, days, a sample of closed cases’ reporters and public links
         * @description Every campaign asks the overall satisfaction (satisfied, basically satisfied, unsatisfied); `questions` add ratings (1–5), yes/no and texts. The sampled cases’ reporters are called by the hotline (GET /api/intake/survey-calls) or answer by their link; each `token` is shown only here and opens /survey/<token> once.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        city: string;
                        name: string;
                        /** Format: date */
                        opensOn: string;
                        /** Format: date */
                        closesOn: string;
                        /** @default [] */
                        questions?: components["schemas"]["SurveyQuestionInput"][];
                        sample?: {
                            /** Format: date-time */
                            closedFrom: string;
                            /** Format: date-time */
                            closedTo: string;
                            size: number;
                        };
                        /** @default 0 */
                        publicLinks?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            campaign: components["schemas"]["SurveyCampaign"];
                            invitations: {
                                id: string;
                                /** @enum {string} */
                                kind: "case" | "link";
                                caseNo: string | null;
                                token: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/region/ranking-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The region's ranking settings: every version, newest first (the defaults as version 0) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            latestVersion: number;
                            versions: components["schemas"]["RankingSettings"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Adds the region's ranking settings (weights, praise and criticism) effective from a date
         * @description weights: relative weights of targets (目标达成), cases (案件指标), inspections (检查考评) and surveys (民意调查); a component without data in a period weighs nothing then. If-Match the latest version (0 when none); stale answers 409. Audited.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The version (ETag) of the record the edit was made on; stale answers 409 */
                    "if-match"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date */
                        effectiveFrom: string;
                        config: components["schemas"]["RankingConfigInput"];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RankingSettings"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/intake/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether the intake service is mounted in this process */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            service: "intake";
                            /** @enum {string} */
                            status: "ok";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/intake/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Report a problem (上报): creates a case; an Idempotency-Key makes retries one case */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        source: "hotline" | "app" | "officer" | "public" | "video" | "inspection" | "police110";
                        categoryCode: string;
                        description: string;
                        location: {
                            lat: number;
                            lng: number;
                        };
                        address?: string;
                        reporter?: {
                            name?: string;
                            phone?: string;
                            /** Format: email */
                            email?: string;
                            /** @enum {string} */
                            language?: "zh-CN" | "en";
                            updates?: boolean;
                        };
                        callId?: string;
                        wantsCallback?: boolean;
                        mediaIds?: string[];
                        /** @enum {string} */
                        urgency?: "normal" | "urgent";
                        selfHandled?: boolean;
                        cameraId?: string;
                    };
                };
            };
            responses: {
                /** @description A camera detection counted into its burst case */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            caseNo: string;
                            city: string;
                            source: components["schemas"]["ReportSource"];
                            state: components["schemas"]["CaseState"];
                            version: number;
                            categoryCode: string;
                            urgency: components["schemas"]["Urgency"];
                            description: string;
                            location: {
                                lat: number;
                                lng: number;
                            };
                            address: string | null;
                            gridCode: string;
                            districtCode: string;
                            streetCode: string;
                            communityCode: string;
                            departmentId: string | null;
                            suggestedDepartmentId: string | null;
                            assignee: string | null;
                            deadline: {
                                stage: string | null;
                                due: string | null;
                                light: components["schemas"]["Light"];
                                beyondCalendar: boolean;
                            };
                            reworkCount: number;
                            returnCount: number;
                            returnedByDepartmentIds: string[];
                            lastReturnReason: string | null;
                            extensionCount: number;
                            suspensionCount: number;
                            supervised: boolean;
                            selfHandled: boolean;
                            flags: string[];
                            duplicateOf: string | null;
                            pendingRequest: {
                                /** @enum {string} */
                                kind: "extension" | "suspension";
                                workMinutes: number | null;
                                reason: string;
                                requestedBy: string;
                                at: string;
                            } | null;
                            reporter: {
                                name: string | null;
                                phone: string | null;
                            } | null;
                            reporterErasedAt: string | null;
                            closureType: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            closedAt: string | null;
                            allowedCommands: ("report" | "verify" | "file" | "reject" | "handOverTo110" | "dispatch" | "accept" | "complete" | "return" | "requestExtension" | "decideExtension" | "requestSuspension" | "decideSuspension" | "resume" | "check" | "close" | "cancel" | "reassign" | "superviseOrder" | "attachCall")[];
                            possibleDuplicates: components["schemas"]["PossibleDuplicate"][];
                            cameraBurst?: components["schemas"]["CameraBurst"];
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            caseNo: string;
                            city: string;
                            source: components["schemas"]["ReportSource"];
                            state: components["schemas"]["CaseState"];
                            version: number;
                            categoryCode: string;
                            urgency: components["schemas"]["Urgency"];
                            description: string;
                            location: {
                                lat: number;
                                lng: number;
                            };
                            address: string | null;
                            gridCode: string;
                            districtCode: string;
                            streetCode: string;
                            communityCode: string;
                            departmentId: string | null;
                            suggestedDepartmentId: string | null;
                            assignee: string | null;
                            deadline: {
                                stage: string | null;
                                due: string | null;
                                light: components["schemas"]["Light"];
                                beyondCalendar: boolean;
                            };
                            reworkCount: number;
                            returnCount: number;
                            returnedByDepartmentIds: string[];
                            lastReturnReason: string | null;
                            extensionCount: number;
                            suspensionCount: number;
                            supervised: boolean;
                            selfHandled: boolean;
                            flags: string[];
                            duplicateOf: string | null;
                            pendingRequest: {
                                /** @enum {string} */
                                kind: "extension" | "suspension";
                                workMinutes: number | null;
                                reason: string;
                                requestedBy: string;
                                at: string;
                            } | null;
                            reporter: {
                                name: string | null;
                                phone: string | null;
                            } | null;
                            reporterErasedAt: string | null;
                            closureType: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            closedAt: string | null;
                            allowedCommands: ("report" | "verify" | "file" | "reject" | "handOverTo110" | "dispatch" | "accept" | "complete" | "return" | "requestExtension" | "decideExtension" | "requestSuspension" | "decideSuspension" | "resume" | "check" | "close" | "cancel" | "reassign" | "superviseOrder" | "attachCall")[];
                            possibleDuplicates: components["schemas"]["PossibleDuplicate"][];
                            cameraBurst?: components["schemas"]["CameraBurst"];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/intake/reports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The status of a report this API key made (any other case answers 404) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ReportStatus"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/intake/media": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload one photo (multipart/form-data, any field name): JPEG, PNG or WebP by content
         * @description The type is read from the bytes; anything else answers 415. The same photo uploaded twice returns the same id. EXIF time and GPS are kept and checked against reports that use the photo.
         */
        post: {
            parameters: {
                query?: {
                    /** @description Region-level staff (an inspector) name the city the photo is evidence in; others' is their own */
                    city?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            sha256: string;
                            contentType: string;
                            size: number;
                            takenAt: string | null;
                            gps: {
                                lat: number;
                                lng: number;
                            } | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/intake/media/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The bytes of an uploaded photo, with its content type (before/after photos in the console) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/intake/addresses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search the address gazetteer (roads, building numbers, landmarks, communities), typo-tolerant */
        get: {
            parameters: {
                query: {
                    q: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                label: string;
                                labelEn: string;
                                kind: string;
                                context: string;
                                lat: number;
                                lng: number;
                                gridCode: string;
                                districtCode: string;
                                score: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/intake/addresses/nearest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 逆地址: the building number or landmark nearest a point (within 200 m), for a place picked on the map; item is null when none is that close */
        get: {
            parameters: {
                query: {
                    lat: number;
                    lng: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            item: {
                                id: string;
                                label: string;
                                labelEn: string;
                                kind: string;
                                context: string;
                                lat: number;
                                lng: number;
                                gridCode: string;
                                districtCode: string;
                                distanceMeters: number;
                            } | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/intake/duplicates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open cases of a category near a point, reported recently (possible duplicates), nearest first */
        get: {
            parameters: {
                query: {
                    categoryCode: string;
                    lat: number;
                    lng: number;
                    radius?: number;
                    hours?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["PossibleDuplicate"][];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/intake/cases/{id}/duplicate-of": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject a case as a duplicate of another (不予立案·重复); its reporter follows the original */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        originalId: string;
                        expectedVersion?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Case"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/intake/cases/{id}/attach": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 附加来电: records another call about an open case on it and adds its caller (updates, callback); an Idempotency-Key makes retries one attach; an ended case answers 409 */
        post: operations["attachCall"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/intake/callbacks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 回访 due: ended cases with a caller who asked for a callback and was not reached yet, waiting longest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                case: components["schemas"]["Case"];
                                reporterDue: boolean;
                                callers: components["schemas"]["CaseCaller"][];
                                attempts: number;
                                lastAttemptAt: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/intake/cases/{id}/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 回访: records a call to the caller of an ended case, or with callerId to a caller attached to it; satisfied or unsatisfied ends that caller’s callback, unreachable keeps it due */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        outcome: "satisfied" | "unsatisfied" | "unreachable";
                        note?: string;
                        callerId?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            caseId: string;
                            /** @enum {string} */
                            outcome: "satisfied" | "unsatisfied" | "unreachable";
                            note: string | null;
                            calledBy: string;
                            at: string;
                            callerId: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/intake/inspections/rounds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Inspection rounds (检查考评), newest first, each saying whether it takes findings today */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                name: string;
                                cities: string[];
                                startsOn: string;
                                endsOn: string;
                                checklist: {
                                    /** @enum {string} */
                                    kind: "target" | "category";
                                    code: string;
                                    note: string | null;
                                }[];
                                version: number;
                                createdBy: string;
                                createdAt: string;
                                underWay: boolean;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/intake/inspections/findings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Records an inspection finding (检查发现) with photos and GPS: a case in that city’s loop
         * @description The case starts verified (the inspector saw it), source `inspection`, in the city whose grid holds the point — one of the round’s cities (400 otherwise), during the round’s days (409 otherwise). `id` is made by the phone: the same finding sent again answers 200 with the same case; another inspector’s use of it 409.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        roundId: string;
                        checklistItem?: string;
                        categoryCode: string;
                        description: string;
                        location: {
                            lat: number;
                            lng: number;
                        };
                        address?: string;
                        mediaIds: string[];
                        /** @enum {string} */
                        urgency?: "normal" | "urgent";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InspectionFinding"];
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InspectionFinding"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/intake/survey-calls": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Survey calls due: reporters of sampled closed cases of open campaigns not answered yet */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                invitationId: string;
                                campaign: {
                                    id: string;
                                    name: string;
                                    questions: components["schemas"]["SurveyQuestion"][];
                                };
                                case: components["schemas"]["Case"];
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/intake/survey-calls/{invitationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Records the answers a sampled case’s reporter gave on the phone (one answer per invitation) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    invitationId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        satisfaction: "satisfied" | "basicallySatisfied" | "unsatisfied";
                        /** @default {} */
                        answers?: {
                            [key: string]: number | boolean | string;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            answeredAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/intake/police110/calls": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 110 hands over an urban-management call (110转办): a case of source police110, one per call id */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" keyed with the key’s signing secret> */
                    "x-urbangrid-signature"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Police110CallInput"];
                };
            };
            responses: {
                /** @description The call id was handed over before: the same case */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            caseNo: string;
                            state: components["schemas"]["CaseState"];
                            callId: string;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            caseNo: string;
                            state: components["schemas"]["CaseState"];
                            callId: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/intake/police110/updates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 110’s reference and status of a case handed over to it (移交110), recorded on the case */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" keyed with the key’s signing secret> */
                    "x-urbangrid-signature"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Police110UpdateInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            caseId: string;
                            /** @description false: this update id was recorded before */
                            recorded: boolean;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/cases/{caseNo}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Track a case by its number (no personal data); a duplicate shows its original’s progress */
        get: {
            parameters: {
                query?: {
                    city?: string;
                };
                header?: never;
                path: {
                    caseNo: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            caseNo: string;
                            state: components["schemas"]["CaseState"];
                            categoryCode: string;
                            createdAt: string;
                            closedAt: string | null;
                            followsCaseNo: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/surveys/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A survey (民意调查) as its link opens it: the questions, whether it is open and answered */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    token: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            name: string;
                            city: string;
                            cityName: string;
                            opensOn: string;
                            closesOn: string;
                            open: boolean;
                            answered: boolean;
                            districts: {
                                code: string;
                                name: string;
                            }[];
                            questions: components["schemas"]["SurveyQuestion"][];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/surveys/{token}/answers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Answers a survey by its link (no login): once per link, while the survey is open
         * @description A second answer to the same link, or one outside the survey’s days, answers 409; an answer missing or mistyped answers 400 naming each question in `errors`. Problems carry `detailZh`, the same in zh-CN.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    token: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        satisfaction: "satisfied" | "basicallySatisfied" | "unsatisfied";
                        /** @default {} */
                        answers?: {
                            [key: string]: number | boolean | string;
                        };
                        districtCode?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            answeredAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/reporter/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The reporter's page of their case (the link of their updates): where it stands, nothing of anyone */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    token: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ReporterPage"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/reporter/{token}/opt-out": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The reporter stops the updates of their case (退订): no further email or text message */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    token: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ReporterPage"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/reporter/{token}/satisfaction": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The reporter answers whether they are satisfied (满意度) once the case is closed; once only (409 CONFLICT after) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    token: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        satisfied: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ReporterPage"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/open311/v2/discovery.{format}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Service discovery: the GeoReport v2 endpoint and its formats */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    format: "json" | "xml";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/open311/v2/services.{format}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** GET Service List: the categories of a jurisdiction (city) as Open311 services */
        get: {
            parameters: {
                query?: {
                    jurisdiction_id?: string;
                };
                header?: never;
                path: {
                    format: "json" | "xml";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/open311/v2/services/{service_code}.{format}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * GET Service Definition: the questions (attributes) a service with metadata true asks, as the city’s admin set them
         * @description Each attribute: variable, code, datatype (string, number, datetime, text, singlevaluelist, multivaluelist), required, datatype_description, order, description and, for a list, values [{key, name}]. A POST answers them as attribute[code]=key (attribute[code][]= for each of a multivaluelist); a missing required one or a value not among the keys is a 400.
         */
        get: {
            parameters: {
                query?: {
                    jurisdiction_id?: string;
                };
                header?: never;
                path: {
                    service_code: string;
                    format: "json" | "xml";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/open311/v2/requests.{format}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** GET Service Requests: by ids, or by service codes, dates (at most 90 days; default the last 90) and status, a page at a time */
        get: {
            parameters: {
                query?: {
                    jurisdiction_id?: string;
                    service_request_id?: string;
                    service_code?: string;
                    start_date?: string;
                    end_date?: string;
                    status?: string;
                    page_size?: number;
                    page?: number;
                };
                header?: never;
                path: {
                    format: "json" | "xml";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /**
         * POST Service Request: report a problem with an api_key (form-encoded, as the spec says, or multipart with a photo)
         * @description A multipart/form-data body may carry one photo (JPEG, PNG or WebP, any field name) with the fields: it is stored like any report photo (only once the request is valid) and comes back as the request’s media_url. The answers to the service’s questions are attribute[code]=… (400 when a required one is missing or a value is not among a list’s keys); staff see them on the case. Requests count against the api_key’s own rate per minute (a 400 with code 429 beyond it).
         */
        post: {
            parameters: {
                query?: {
                    api_key?: string;
                };
                header?: never;
                path: {
                    format: "json" | "xml";
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/x-www-form-urlencoded": {
                        api_key?: string;
                        jurisdiction_id?: string;
                        service_code?: string;
                        lat?: number;
                        long?: number;
                        address_string?: string;
                        address_id?: string;
                        email?: string;
                        device_id?: string;
                        account_id?: string;
                        first_name?: string;
                        last_name?: string;
                        phone?: string;
                        description?: string;
                        /** Format: uri */
                        media_url?: string;
                    } & {
                        [key: string]: unknown;
                    };
                    "multipart/form-data": {
                        api_key?: string;
                        jurisdiction_id?: string;
                        service_code?: string;
                        lat?: number;
                        long?: number;
                        address_string?: string;
                        address_id?: string;
                        email?: string;
                        device_id?: string;
                        account_id?: string;
                        first_name?: string;
                        last_name?: string;
                        phone?: string;
                        description?: string;
                        /** Format: uri */
                        media_url?: string;
                    } & {
                        [key: string]: unknown;
                    };
                    "application/json": {
                        api_key?: string;
                        jurisdiction_id?: string;
                        service_code?: string;
                        lat?: number;
                        long?: number;
                        address_string?: string;
                        address_id?: string;
                        email?: string;
                        device_id?: string;
                        account_id?: string;
                        first_name?: string;
                        last_name?: string;
                        phone?: string;
                        description?: string;
                        /** Format: uri */
                        media_url?: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/open311/v2/requests/{service_request_id}.{format}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** GET Service Request: one request by its id (the case number) */
        get: {
            parameters: {
                query?: {
                    jurisdiction_id?: string;
                };
                header?: never;
                path: {
                    service_request_id: string;
                    format: "json" | "xml";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/open311/v2/servicerequestupdates.{format}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * GET Service Request Updates (FixMyStreet extension): state changes of requests, oldest first
         * @description Each update: update_id, service_request_id, status (open|closed), updated_datetime, a public description of the state and the media_url of the step’s public photo. `updated_after`/`updated_before` leave the instant itself out; `start_date`/`end_date` keep it. At most 90 days (default the last 90), a page at a time.
         */
        get: {
            parameters: {
                query?: {
                    jurisdiction_id?: string;
                    start_date?: string;
                    end_date?: string;
                    updated_after?: string;
                    updated_before?: string;
                    page_size?: number;
                    page?: number;
                };
                header?: never;
                path: {
                    format: "json" | "xml";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/open311/v2/media/{media_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A public photo of a request or update (its media_url), without its metadata */
        get: {
            parameters: {
                query?: {
                    jurisdiction_id?: string;
                };
                header?: never;
                path: {
                    media_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/open311/v2/tokens/{token}.{format}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** GET service_request_id from a token */
        get: {
            parameters: {
                query?: {
                    jurisdiction_id?: string;
                };
                header?: never;
                path: {
                    token: string;
                    format: "json" | "xml";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dispatch/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether the dispatch service is mounted in this process */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            service: "dispatch";
                            /** @enum {string} */
                            status: "ok";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dispatch/cases/{id}/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 核实 — the assigned officer verifies on site: verifying → verified, or → rejected when not found
         * @description `verify` (核实): issued by grid_officer; from verifying.
         */
        post: operations["verify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dispatch/cases/{id}/file": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 立案 — the shift lead files the case (verified → filed), optionally correcting category and urgency
         * @description `file` (立案): issued by shift_lead; from verified.
         */
        post: operations["file"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dispatch/cases/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 不予立案 — the shift lead rejects a report (reported, verifying, verified → rejected)
         * @description `reject` (不予立案): issued by shift_lead; from reported, verifying, verified.
         */
        post: operations["reject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dispatch/cases/{id}/dispatch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 派遣 — the dispatcher sends a filed case to a department of its city (filed → dispatched)
         * @description `dispatch` (派遣): issued by dispatcher; from filed.
         */
        post: operations["dispatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dispatch/cases/{id}/hand-over-110": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 移交110 — the shift lead hands a public-security matter over to the police (reported, verifying, verified, filed → closed, closure type handed_to_110); 110 hears it by webhook (case.handedTo110)
         * @description `handOverTo110` (移交110): issued by shift_lead; from reported, verifying, verified, filed.
         */
        post: operations["handOverTo110"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dispatch/cases/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 作废 — the shift lead cancels an open case, with a reason (any open state → cancelled)
         * @description `cancel` (作废): issued by shift_lead; from reported, verifying, verified, filed, dispatched, handling, suspended, handled, reviewing, reviewed.
         */
        post: operations["cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dispatch/cases/{id}/reassign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 改派 — the shift lead sends an officer of the city to the verification (reported, verifying → verifying) or the check (handled, reviewing → reviewing); the earlier officer’s task is cancelled
         * @description `reassign` (改派): issued by shift_lead; from reported, verifying, handled, reviewing.
         */
        post: operations["reassign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dispatch/cases/{id}/extension/decide": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 延期审批 — the dispatcher decides a pending extension; approved, the handling deadline moves by the requested working minutes on the department’s calendar
         * @description `decideExtension` (延期审批): issued by dispatcher; from handling.
         */
        post: operations["decideExtension"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dispatch/cases/{id}/suspension/decide": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 挂账审批 — the dispatcher decides a pending suspension; approved, handling → suspended and the clock stops until resumed
         * @description `decideSuspension` (挂账审批): issued by dispatcher; from handling.
         */
        post: operations["decideSuspension"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dispatch/cases/{id}/supervise": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 督办 — a city supervisor escalates an overdue (red) case: it is marked supervised and urgent and its owner is notified (the region supervisor orders through POST /api/region/supervision-orders)
         * @description `superviseOrder` (督办): issued by supervisor; from reported, verifying, verified, filed, dispatched, handling, suspended, handled, reviewing, reviewed.
         */
        post: operations["superviseOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dispatch/queues/shift-lead": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 值班长 queue: reports awaiting filing, flagged reports, pending cancellations (open cases marked duplicate), and cases whose verification or check task found no officer for two minutes */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            awaitingFiling: {
                                items: components["schemas"]["Case"][];
                                total: number;
                            };
                            flaggedReports: {
                                items: components["schemas"]["Case"][];
                                total: number;
                            };
                            pendingCancellations: {
                                items: components["schemas"]["Case"][];
                                total: number;
                            };
                            awaitingOfficer: {
                                items: components["schemas"]["Case"][];
                                total: number;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dispatch/queues/dispatcher": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 派遣员 queue: filed cases awaiting dispatch (with suggestedDepartmentId), pending extension/suspension approvals, returned cases */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            awaitingDispatch: {
                                items: components["schemas"]["Case"][];
                                total: number;
                            };
                            pendingApprovals: {
                                items: components["schemas"]["Case"][];
                                total: number;
                            };
                            returns: {
                                items: components["schemas"]["Case"][];
                                total: number;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dispatch/queues/officer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 监督员 queue: my verification and check tasks; with lat and lng the nearest first, else the earliest deadline first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    lat?: number;
                    lng?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            verificationTasks: {
                                items: {
                                    id: string;
                                    caseNo: string;
                                    city: string;
                                    source: components["schemas"]["ReportSource"];
                                    state: components["schemas"]["CaseState"];
                                    version: number;
                                    categoryCode: string;
                                    urgency: components["schemas"]["Urgency"];
                                    description: string;
                                    location: {
                                        lat: number;
                                        lng: number;
                                    };
                                    address: string | null;
                                    gridCode: string;
                                    districtCode: string;
                                    streetCode: string;
                                    communityCode: string;
                                    departmentId: string | null;
                                    suggestedDepartmentId: string | null;
                                    assignee: string | null;
                                    deadline: {
                                        stage: string | null;
                                        due: string | null;
                                        light: components["schemas"]["Light"];
                                        beyondCalendar: boolean;
                                    };
                                    reworkCount: number;
                                    returnCount: number;
                                    returnedByDepartmentIds: string[];
                                    lastReturnReason: string | null;
                                    extensionCount: number;
                                    suspensionCount: number;
                                    supervised: boolean;
                                    selfHandled: boolean;
                                    flags: string[];
                                    duplicateOf: string | null;
                                    pendingRequest: {
                                        /** @enum {string} */
                                        kind: "extension" | "suspension";
                                        workMinutes: number | null;
                                        reason: string;
                                        requestedBy: string;
                                        at: string;
                                    } | null;
                                    reporter: {
                                        name: string | null;
                                        phone: string | null;
                                    } | null;
                                    reporterErasedAt: string | null;
                                    closureType: string | null;
                                    /** Format: date-time */
                                    createdAt: string;
                                    /** Format: date-time */
                                    updatedAt: string;
                                    closedAt: string | null;
                                    allowedCommands: ("report" | "verify" | "file" | "reject" | "handOverTo110" | "dispatch" | "accept" | "complete" | "return" | "requestExtension" | "decideExtension" | "requestSuspension" | "decideSuspension" | "resume" | "check" | "close" | "cancel" | "reassign" | "superviseOrder" | "attachCall")[];
                                    distanceMetres: number | null;
                                }[];
                                total: number;
                            };
                            checkTasks: {
                                items: {
                                    id: string;
                                    caseNo: string;
                                    city: string;
                                    source: components["schemas"]["ReportSource"];
                                    state: components["schemas"]["CaseState"];
                                    version: number;
                                    categoryCode: string;
                                    urgency: components["schemas"]["Urgency"];
                                    description: string;
                                    location: {
                                        lat: number;
                                        lng: number;
                                    };
                                    address: string | null;
                                    gridCode: string;
                                    districtCode: string;
                                    streetCode: string;
                                    communityCode: string;
                                    departmentId: string | null;
                                    suggestedDepartmentId: string | null;
                                    assignee: string | null;
                                    deadline: {
                                        stage: string | null;
                                        due: string | null;
                                        light: components["schemas"]["Light"];
                                        beyondCalendar: boolean;
                                    };
                                    reworkCount: number;
                                    returnCount: number;
                                    returnedByDepartmentIds: string[];
                                    lastReturnReason: string | null;
                                    extensionCount: number;
                                    suspensionCount: number;
                                    supervised: boolean;
                                    selfHandled: boolean;
                                    flags: string[];
                                    duplicateOf: string | null;
                                    pendingRequest: {
                                        /** @enum {string} */
                                        kind: "extension" | "suspension";
                                        workMinutes: number | null;
                                        reason: string;
                                        requestedBy: string;
                                        at: string;
                                    } | null;
                                    reporter: {
                                        name: string | null;
                                        phone: string | null;
                                    } | null;
                                    reporterErasedAt: string | null;
                                    closureType: string | null;
                                    /** Format: date-time */
                                    createdAt: string;
                                    /** Format: date-time */
                                    updatedAt: string;
                                    closedAt: string | null;
                                    allowedCommands: ("report" | "verify" | "file" | "reject" | "handOverTo110" | "dispatch" | "accept" | "complete" | "return" | "requestExtension" | "decideExtension" | "requestSuspension" | "decideSuspension" | "resume" | "check" | "close" | "cancel" | "reassign" | "superviseOrder" | "attachCall")[];
                                    distanceMetres: number | null;
                                }[];
                                total: number;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dispatch/duty": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Duty shifts overlapping a window (default the next 24 hours), earliest first
         * @description `gridCode` keeps the officers responsible for that grid, `officer` one officer (username). The window spans at most 31 days.
         */
        get: {
            parameters: {
                query?: {
                    from?: string;
                    to?: string;
                    gridCode?: string;
                    officer?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            shifts: {
                                id: string;
                                officer: string;
                                officerName: string;
                                /** Format: date-time */
                                startsAt: string;
                                /** Format: date-time */
                                endsAt: string;
                                onDutyNow: boolean;
                                gridCount: number;
                                streetCodes: string[];
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Puts a grid officer on duty over all of their grids from startsAt to endsAt (at most 24 hours)
         * @description An overlapping shift of the same officer answers 409 CONFLICT.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        officer: string;
                        /** Format: date-time */
                        startsAt: string;
                        /** Format: date-time */
                        endsAt: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            officer: string;
                            officerName: string;
                            /** Format: date-time */
                            startsAt: string;
                            /** Format: date-time */
                            endsAt: string;
                            onDutyNow: boolean;
                            gridCount: number;
                            streetCodes: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dispatch/duty/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Takes a shift off the rota */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dispatch/cases/{id}/officers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 改派 candidates: the active grid officers of the case’s city, those of its grid first, then of its street, then on duty, then the least loaded */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            officers: {
                                username: string;
                                name: string;
                                coversGrid: boolean;
                                coversStreet: boolean;
                                onDuty: boolean;
                                openTasks: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/handling/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether the handling service is mounted in this process */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            service: "handling";
                            /** @enum {string} */
                            status: "ok";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/handling/cases/{id}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 签收 — a handler of the case’s department signs for it (dispatched → handling)
         * @description `accept` (签收): issued by department_handler; from dispatched.
         */
        post: operations["accept"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/handling/cases/{id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 处理反馈 — the handler reports the fix (handling → handled; a check task follows)
         * @description `complete` (处理反馈): issued by department_handler; from handling.
         */
        post: operations["complete"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/handling/cases/{id}/return": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 回退 — not this department’s case: dispatched or handling → filed; the first dispatch counts as a dispatch error
         * @description `return` (回退): issued by department_handler; from dispatched, handling.
         */
        post: operations["return"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/handling/cases/{id}/extension": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 延期申请 — asks for more working minutes on the handling deadline (pending the dispatcher’s decision)
         * @description `requestExtension` (延期申请): issued by department_handler; from handling.
         */
        post: operations["requestExtension"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/handling/cases/{id}/suspension": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 挂账申请 — asks to park the case with its clock stopped (pending the dispatcher’s decision)
         * @description `requestSuspension` (挂账申请): issued by department_handler; from handling.
         */
        post: operations["requestSuspension"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/handling/cases/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 恢复处置 — suspended → handling; the clock runs again with the working time that was left
         * @description `resume` (恢复处置): issued by department_handler; from suspended.
         */
        post: operations["resume"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/handling/queues/department": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A department’s queue: inbox (to sign for), in progress, rework, overdue
         * @description A handler gets their own department; dispatchers, shift leads and supervisors pass `departmentId` (within their jurisdiction).
         */
        get: {
            parameters: {
                query?: {
                    departmentId?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            inbox: {
                                items: components["schemas"]["Case"][];
                                total: number;
                            };
                            inProgress: {
                                items: components["schemas"]["Case"][];
                                total: number;
                            };
                            rework: {
                                items: components["schemas"]["Case"][];
                                total: number;
                            };
                            overdue: {
                                items: components["schemas"]["Case"][];
                                total: number;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/region/targets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The region plan's indicators with their unit, direction, cities and targets by year
         * @description `direction`: atLeast (≥), atMost (≤), about (≈) or yesNo (a task done: 1). `appliesTo`: the city classes, cities, excepted cities and urban-population bounds that must all hold ({} = every city).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RegionIndicatorView"][];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/region/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Cities' indicator reports (指标报送): the region's all, a city's own */
        get: {
            parameters: {
                query?: {
                    city?: string;
                    period?: string;
                    state?: "submitted" | "accepted" | "returned";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IndicatorReport"][];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/region/reports/{city}/{indicator}/{period}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One report with its whole history (every submission and decision, oldest first) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    city: string;
                    indicator: string;
                    period: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            city: string;
                            indicatorCode: string;
                            period: string;
                            /** @enum {string} */
                            state: "submitted" | "accepted" | "returned";
                            version: number;
                            value: number;
                            note: string | null;
                            /** @description Media ids (GET /api/intake/media/:id) */
                            evidence: string[];
                            returnReason: string | null;
                            submittedBy: string;
                            submittedAt: string;
                            decidedBy: string | null;
                            decidedAt: string | null;
                            history: {
                                version: number;
                                /** @enum {string} */
                                action: "submit" | "resubmit" | "accept" | "return";
                                /** @enum {string} */
                                state: "submitted" | "accepted" | "returned";
                                value: number;
                                note: string | null;
                                evidence: string[];
                                reason: string | null;
                                actor: string;
                                at: string;
                            }[];
                        };
                    };
                };
            };
        };
        /**
         * Reports an indicator's value for a period with evidence, or resubmits a returned report
         * @description By the city's supervision centre (a supervisor without a district) or its admin. 201 for a first report, 200 for a resubmission of a returned one; 409 CONFLICT while it waits for review or once accepted, 409 PERIOD_CLOSED outside the period's reporting window (its first day to 30 days after its end) or once its ranking is published, 400 VALUE_OUT_OF_RANGE for a value outside its unit (0–100 %, yes/no 0 or 1). The period's kind is the indicator's (`periodKind`, a quarter by default). Evidence: media ids uploaded by the city (POST /api/intake/media). Problems carry `detailZh`.
         */
        put: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The version (ETag) of the record the edit was made on; stale answers 409 */
                    "if-match"?: string;
                };
                path: {
                    city: string;
                    indicator: string;
                    period: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        value: number;
                        note?: string;
                        /** @default [] */
                        evidence?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IndicatorReport"];
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IndicatorReport"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/region/reports/{city}/{indicator}/{period}/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The region accepts a submitted report, or returns it to the city with a reason (退回)
         * @description Region staff only (a region supervisor or region admin). 409 TRANSITION_NOT_ALLOWED unless the report waits for review. A returned report notifies the city's supervision centre.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The version (ETag) of the record the edit was made on; stale answers 409 */
                    "if-match"?: string;
                };
                path: {
                    city: string;
                    indicator: string;
                    period: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        decision: "accept";
                    } | {
                        /** @enum {string} */
                        decision: "return";
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IndicatorReport"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/region/inspections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Inspection rounds (检查考评轮次), newest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["InspectionRound"][];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/region/inspections/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A round's results: per city the findings, how many fixed and fixed on time; every finding's case
         * @description A city admin sees their own city only. `fixed` is a finding whose case was closed in the city’s loop; `fixedOnTime` one closed with no stage overdue.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            round: components["schemas"]["InspectionRound"];
                            cities: {
                                city: string;
                                name: string;
                                findings: number;
                                fixed: number;
                                fixedOnTime: number;
                                fixedOnTimeRate: number | null;
                            }[];
                            findings: {
                                id: string;
                                city: string;
                                checklistItem: string | null;
                                inspector: string;
                                recordedAt: string;
                                caseId: string;
                                caseNo: string;
                                categoryCode: string;
                                districtCode: string;
                                state: string;
                                light: string;
                                deadlineDue: string | null;
                                closedAt: string | null;
                                fixed: boolean;
                                fixedOnTime: boolean;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/region/surveys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Survey campaigns (民意调查), newest first */
        get: {
            parameters: {
                query?: {
                    city?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["SurveyCampaign"][];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/region/surveys/rates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Satisfaction rates (满意率) of survey answers by city, district, department or category
         * @description Answers given in [from, to). An answer through a citizen’s link counts for its city and the district the citizen named; one about a sampled case for the case’s district, department and category too.
         */
        get: {
            parameters: {
                query?: {
                    from?: string;
                    to?: string;
                    city?: string;
                    campaignId?: string;
                    groupBy?: "city" | "district" | "department" | "category";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            groupBy: "city" | "district" | "department" | "category";
                            rows: {
                                key: string;
                                name: string;
                                answers: number;
                                satisfied: number;
                                basicallySatisfied: number;
                                unsatisfied: number;
                                satisfactionRate: number | null;
                            }[];
                            totals: {
                                key: string;
                                name: string;
                                answers: number;
                                satisfied: number;
                                basicallySatisfied: number;
                                unsatisfied: number;
                                satisfactionRate: number | null;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/region/ranking": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The cities' ranking of a month or quarter (published and frozen, else counted now)
         * @description score: the weighted mean of the components with data (target attainment, case indicators, inspections, surveys; `noData` names those without); rankChange: the previous period's rank minus this one (up is positive), against its publication, else its recount.
         */
        get: {
            parameters: {
                query: {
                    /** @description A month (2026-11) or a quarter (2026-Q4) */
                    period: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RegionRanking"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/region/attainment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The attainment matrix: every city × every target that applies to it, short ones marked (met: false); `format=xlsx` as a workbook
         * @description The XLSX has one row per city and target with Chinese headers (城市, 代码, 指标, 方向, 单位, 目标值, 实际值, 差距, 是否达标, 来源).
         */
        get: {
            parameters: {
                query: {
                    /** @description A month (2026-11) or a quarter (2026-Q4) */
                    period: string;
                    format?: "json" | "xlsx";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            period: string;
                            published: boolean;
                            rows: {
                                city: string;
                                name: string;
                                cells: {
                                    code: string;
                                    name: string;
                                    unit: string;
                                    direction: string;
                                    /** @enum {string} */
                                    measuredBy: "city" | "system";
                                    target: number | null;
                                    value: number | null;
                                    reportedFor: string | null;
                                    attainment: number | null;
                                    gap: number | null;
                                    met: boolean;
                                }[];
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/region/ranking/{period}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Publishes (freezes) a finished month's or quarter's ranking and bulletin
         * @description Once published the ranking and bulletin never change; later data shows as the bulletin's recount. 409 CONFLICT before the period has ended or when it is published already. The hourly publication job publishes every period whose reporting window (30 days after its end) has closed.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    period: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RegionRanking"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/region/bulletins/{period}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The bulletin (通报): ranking, gaps to target, praised and criticised cities; `format=xlsx` as a workbook
         * @description A published bulletin is as it was published, with `recount` (the same period counted today, and whether anything moved) beside it; before publication it is the draft counted now (`published: false`).
         */
        get: {
            parameters: {
                query?: {
                    format?: "json" | "xlsx";
                };
                header?: never;
                path: {
                    period: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RegionBulletin"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/region/supervision-orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The region's supervision orders, newest first: all cities' for the region, a city's own for its staff */
        get: {
            parameters: {
                query?: {
                    city?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RegionSupervisionOrder"][];
                    };
                };
            };
        };
        put?: never;
        /**
         * 督办: the region orders a city to act on an open case, or on a target it lags behind
         * @description A case: `{city, caseId, reason}` (409 once the case has ended). A target: `{city, indicatorCode, period, reason}` — only one the city is short of in that month or quarter (409 when met). Notified to the city's supervision centre as urgent.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        city: string;
                        caseId: string;
                        reason: string;
                    } | {
                        city: string;
                        indicatorCode: string;
                        period: string;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RegionSupervisionOrder"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/region/cities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The region's cities where the map draws them: the middle of their grids, sized by how many */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RegionCity"][];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/region/screen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 全区大屏 — each city’s counters of today, the region’s 30-day trend and the latest events of every city
         * @description Read from the day rollups and indexed, limited case reads. The latest events name no person, description or address.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RegionScreen"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/supervision/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether the supervision service is mounted in this process */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            service: "supervision";
                            /** @enum {string} */
                            status: "ok";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/supervision/cases/{id}/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 核查 — the assigned officer checks the fix: reviewing → reviewed, or → handling as rework (返工) when not fixed
         * @description `check` (核查): issued by grid_officer; from reviewing.
         */
        post: operations["check"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/supervision/cases/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 结案 — the shift lead closes a checked case (reviewed → closed); records the closure type
         * @description `close` (结案): issued by shift_lead; from reviewed.
         */
        post: operations["close"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/supervision/reports/timeliness": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 案件时效 — counts and rates per department, district, street, grid, category or officer
         * @description Reads the day rollups. `format=csv` or `format=xlsx` answers the same table as a file (Chinese headers, the period in the title).
         */
        get: {
            parameters: {
                query: {
                    from: string;
                    to: string;
                    city?: string;
                    groupBy: "department" | "district" | "street" | "grid" | "category" | "officer";
                    format?: "json" | "csv" | "xlsx";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            city: string;
                            from: string;
                            to: string;
                            /** @enum {string} */
                            groupBy: "department" | "district" | "street" | "grid" | "category" | "officer";
                            rows: {
                                key: string;
                                name: string;
                                received: number;
                                dispatched: number;
                                handled: number;
                                handledOnTime: number;
                                overdue: number;
                                reworks: number;
                                extensions: number;
                                returns: number;
                                closed: number;
                                closedOnTime: number;
                                onTimeHandlingRate: number | null;
                                onTimeClosingRate: number | null;
                                reworkRate: number | null;
                                returnRate: number | null;
                                extensionRate: number | null;
                            }[];
                            totals: {
                                received: number;
                                dispatched: number;
                                handled: number;
                                handledOnTime: number;
                                overdue: number;
                                reworks: number;
                                extensions: number;
                                returns: number;
                                closed: number;
                                closedOnTime: number;
                                onTimeHandlingRate: number | null;
                                onTimeClosingRate: number | null;
                                reworkRate: number | null;
                                returnRate: number | null;
                                extensionRate: number | null;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/supervision/reports/evaluation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 绩效评价 — indicators, score, grade and rank of each subject (domain.md §6)
         * @description Published days are read from their frozen copy; a row whose recount differs carries it in `recount`. `format=csv` or `format=xlsx` answers the same table as a file (Chinese headers, the period in the title).
         */
        get: {
            parameters: {
                query: {
                    from: string;
                    to: string;
                    city?: string;
                    subject: "officer" | "intake_operator" | "shift_lead" | "dispatcher" | "department" | "district";
                    format?: "json" | "csv" | "xlsx";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            city: string;
                            from: string;
                            to: string;
                            /** @enum {string} */
                            subject: "officer" | "intake_operator" | "shift_lead" | "dispatcher" | "department" | "district";
                            publishedDays: number;
                            days: number;
                            indicatorColumns: components["schemas"]["IndicatorColumn"][];
                            rows: {
                                key: string;
                                name: string;
                                indicators: components["schemas"]["IndicatorValues"];
                                score: number | null;
                                grade: string | null;
                                rank: number | null;
                                recount: {
                                    indicators: components["schemas"]["IndicatorValues"];
                                    score: number | null;
                                    grade: string | null;
                                    rank: number | null;
                                } | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/supervision/reports/region": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 城市排名 — the region supervisor compares and ranks the cities on the same indicators
         * @description `format=csv` or `format=xlsx` answers the same table as a file (Chinese headers, the period in the title).
         */
        get: {
            parameters: {
                query: {
                    from: string;
                    to: string;
                    city?: string;
                    format?: "json" | "csv" | "xlsx";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            from: string;
                            to: string;
                            indicatorColumns: components["schemas"]["IndicatorColumn"][];
                            rows: {
                                key: string;
                                name: string;
                                indicators: components["schemas"]["IndicatorValues"];
                                score: number | null;
                                grade: string | null;
                                rank: number | null;
                                totals: {
                                    received: number;
                                    dispatched: number;
                                    handled: number;
                                    handledOnTime: number;
                                    overdue: number;
                                    reworks: number;
                                    extensions: number;
                                    returns: number;
                                    closed: number;
                                    closedOnTime: number;
                                };
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/supervision/reports/trend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 趋势 — received, closed and on-time rates per day, week or month, of the city or one category, district or department */
        get: {
            parameters: {
                query: {
                    from: string;
                    to: string;
                    city?: string;
                    interval?: "day" | "week" | "month";
                    groupBy?: "category" | "district" | "department";
                    key?: string;
                    format?: "json" | "csv" | "xlsx";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            city: string;
                            from: string;
                            to: string;
                            /** @enum {string} */
                            interval: "day" | "week" | "month";
                            /** @enum {string} */
                            groupBy: "category" | "district" | "department";
                            key: string | null;
                            columns: components["schemas"]["AnalysisColumn"][];
                            rows: {
                                period: string;
                                received: number;
                                closed: number;
                                handled: number;
                                handledOnTime: number;
                                closedOnTime: number;
                                onTimeHandlingRate: number | null;
                                onTimeClosingRate: number | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/supervision/reports/hotspots": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 热点 — the grids with the most cases received in the period, with where they are */
        get: {
            parameters: {
                query: {
                    from: string;
                    to: string;
                    city?: string;
                    limit?: number;
                    format?: "json" | "csv" | "xlsx";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            city: string;
                            from: string;
                            to: string;
                            columns: components["schemas"]["AnalysisColumn"][];
                            rows: {
                                key: string;
                                name: string;
                                received: number;
                                closed: number;
                                lat: number;
                                lng: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/supervision/reports/satisfaction": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 满意率 — callbacks answered and satisfied, by department or district */
        get: {
            parameters: {
                query: {
                    from: string;
                    to: string;
                    city?: string;
                    groupBy: "department" | "district";
                    format?: "json" | "csv" | "xlsx";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            city: string;
                            from: string;
                            to: string;
                            /** @enum {string} */
                            groupBy: "department" | "district";
                            columns: components["schemas"]["AnalysisColumn"][];
                            rows: {
                                key: string;
                                name: string;
                                answered: number;
                                satisfied: number;
                                satisfactionRate: number | null;
                            }[];
                            totals: {
                                answered: number;
                                satisfied: number;
                                satisfactionRate: number | null;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/supervision/reports/monthly": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 月度运行分析报告 — one month in sections; `format=xlsx` gives one sheet per section */
        get: {
            parameters: {
                query: {
                    month: string;
                    city?: string;
                    format?: "json" | "xlsx";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            city: string;
                            month: string;
                            from: string;
                            to: string;
                            sections: {
                                /** @enum {string} */
                                id: "overview" | "trend" | "category" | "district" | "department" | "satisfactionDepartment" | "satisfactionDistrict" | "hotspots";
                                title: {
                                    "zh-CN": string;
                                    en: string;
                                };
                                columns: components["schemas"]["AnalysisColumn"][];
                                rows: {
                                    [key: string]: string | number | null;
                                }[];
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/supervision/screen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 大屏 — today’s counters, rates, open cases’ lights, heat by grid, top lists, 30-day trend, latest events
         * @description Read from the day rollups and indexed, limited case reads. A region supervisor may name the city (default: the first of the region); others see their own city, a district supervisor their district.
         */
        get: {
            parameters: {
                query?: {
                    city?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            city: string;
                            cityName: string;
                            cities: {
                                code: string;
                                name: string;
                            }[];
                            districtCode: string | null;
                            /** Format: date */
                            today: string;
                            /** Format: date */
                            from: string;
                            /** Format: date-time */
                            generatedAt: string;
                            /** @description today’s counters */
                            counters: {
                                received: number;
                                filed: number;
                                dispatched: number;
                                closed: number;
                                overdue: number;
                            };
                            rates: {
                                today: {
                                    /** @description 0–1; null when there was nothing to measure */
                                    onTimeHandlingRate: number | null;
                                    /** @description 0–1; null when there was nothing to measure */
                                    onTimeClosingRate: number | null;
                                };
                                period: {
                                    /** @description 0–1; null when there was nothing to measure */
                                    onTimeHandlingRate: number | null;
                                    /** @description 0–1; null when there was nothing to measure */
                                    onTimeClosingRate: number | null;
                                };
                            };
                            open: {
                                total: number;
                                red: number;
                                yellow: number;
                                green: number;
                            };
                            points: {
                                id: string;
                                caseNo: string;
                                lat: number;
                                lng: number;
                                light: string;
                                categoryCode: string;
                            }[];
                            pointsTruncated: boolean;
                            heat: {
                                code: string;
                                name: string;
                                lat: number;
                                lng: number;
                                received: number;
                            }[];
                            topCategories: {
                                key: string;
                                name: string;
                                received: number;
                            }[];
                            topDepartments: {
                                key: string;
                                name: string;
                                dispatched: number;
                                closed: number;
                                overdue: number;
                            }[];
                            trend: {
                                /** Format: date */
                                day: string;
                                received: number;
                                closed: number;
                                overdue: number;
                            }[];
                            events: {
                                caseId: string;
                                caseNo: string;
                                command: string;
                                state: string;
                                /** Format: date-time */
                                at: string;
                                categoryCode: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/supervision/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 防篡改核验 — verify the hash-chained case histories of a case, a period (cases created in it) or everything */
        get: {
            parameters: {
                query?: {
                    caseId?: string;
                    from?: string;
                    to?: string;
                    city?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            scope: {
                                city: string | null;
                                districtCode: string | null;
                                caseId: string | null;
                                from: string | null;
                                to: string | null;
                            };
                            casesChecked: number;
                            eventsChecked: number;
                            ok: boolean;
                            problems: {
                                caseId: string;
                                seq: number | null;
                                kind: string;
                                detail: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** 防篡改核验 — verify the hash-chained case histories of a case, a period (cases created in it) or everything */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        caseId?: string;
                        /** Format: date */
                        from?: string;
                        /** Format: date */
                        to?: string;
                        city?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            scope: {
                                city: string | null;
                                districtCode: string | null;
                                caseId: string | null;
                                from: string | null;
                                to: string | null;
                            };
                            casesChecked: number;
                            eventsChecked: number;
                            ok: boolean;
                            problems: {
                                caseId: string;
                                seq: number | null;
                                kind: string;
                                detail: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/supervision/audit/anchors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 防篡改锚点 — the signed daily chain heads of each city (kept outside the database) and whether the histories still match them */
        get: {
            parameters: {
                query?: {
                    from?: string;
                    to?: string;
                    city?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            keyId: string | null;
                            /** Format: date */
                            from: string;
                            /** Format: date */
                            to: string;
                            anchors: {
                                city: string;
                                day: string;
                                cases: number;
                                digest: string;
                                keyId: string;
                                /** @enum {string} */
                                signature: "valid" | "invalid" | "unknown_key" | "unchecked";
                                matchesDatabase: boolean | null;
                                problems: {
                                    caseId: string | null;
                                    seq: number | null;
                                    kind: string;
                                    detail: string;
                                }[];
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface webhooks {
    caseEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A step of a case a subscription asks for (POST /api/admin/webhooks)
         * @description Signed like Stripe's webhooks: `X-Urbangrid-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" keyed with the subscription's secret>`. Verify over the raw body bytes, compare in constant time, refuse a `t` far from your clock. Deliveries of one case arrive in order; a delivery may arrive twice (use `id` to do its work once). Answer 2xx to accept; any other answer, or none within 10 s, is retried with exponential backoff (10 s doubling, at most an hour) for 24 h, then dead-lettered (admins replay it from the delivery log); 410 Gone ends the subscription. The case carries nothing of the reporter.
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /**
                     * @description The signature of this delivery
                     * @example t=1772413200,v1=5257a869e7…
                     */
                    "X-Urbangrid-Signature": string;
                    /**
                     * @description The delivery id (the same as `id` in the body)
                     * @example 0b0e7c3e-…
                     */
                    "X-Urbangrid-Delivery": string;
                    /**
                     * @description The event (the same as `event` in the body)
                     * @example case.dispatched
                     */
                    "X-Urbangrid-Event": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The delivery id: the receiver’s idempotency key */
                        id: string;
                        /** @enum {string} */
                        event: "case.reported" | "case.verified" | "case.rejected" | "case.filed" | "case.dispatched" | "case.accepted" | "case.returned" | "case.handled" | "case.reviewed" | "case.reworked" | "case.suspended" | "case.resumed" | "case.extended" | "case.overdue" | "case.supervised" | "case.closed" | "case.cancelled" | "case.handedTo110";
                        /**
                         * Format: date-time
                         * @description When the step happened
                         */
                        occurredAt: string;
                        /** @description The case as the step left it (api.md case fields, none of the reporter) */
                        case: {
                            id: string;
                            caseNo: string;
                            city: string;
                            source?: string;
                            state: string;
                            version: number;
                            categoryCode?: string;
                            urgency?: string;
                            description?: string;
                            location?: {
                                lat?: number;
                                lng?: number;
                            };
                            address?: string | null;
                            gridCode?: string;
                            districtCode?: string;
                            departmentId?: string | null;
                            deadline?: {
                                stage?: string | null;
                                /** Format: date-time */
                                due?: string | null;
                                /** @enum {string} */
                                light?: "green" | "yellow" | "red";
                            };
                            reworkCount?: number;
                            /** Format: date-time */
                            createdAt?: string;
                            /** Format: date-time */
                            updatedAt?: string;
                            /** Format: date-time */
                            closedAt?: string | null;
                            /** @enum {string|null} */
                            closureType?: "on_time" | "overdue" | "special" | "handed_to_110" | null;
                            /** @description Only for a case 110 handed over (source police110): 110’s own call id */
                            police110?: {
                                callId?: string;
                            };
                            /** @description Only in case.handedTo110: why the shift lead handed the case over to 110 */
                            handover?: {
                                reason?: string;
                            };
                        };
                    };
                };
            };
            responses: {
                /** @description Accepted (any 2xx): the delivery is done */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Gone: the subscription ends, nothing more is sent to it */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    reporterSms: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A text message to a reporter, to SMS_WEBHOOK_URL (the SMS provider’s adapter)
         * @description Sent when a case whose reporter left a phone (and did not opt out) is filed, dispatched and closed; the close asks for satisfaction with a link to the reporter’s page (`<PUBLIC_BASE_URL>/r/<token>`). Signed as webhooks are: `X-Urbangrid-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" keyed with SMS_WEBHOOK_SECRET (default WEBHOOK_SECRET)>`. `id` is the same for every try of one message: send it to the provider once. Answer 2xx once the provider took it; any other answer, or none in time, is tried again with backoff (30 s doubling, at most an hour, 8 tries), then recorded as failed. The body carries the reporter’s number: log neither it nor the message.
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /**
                     * @description The signature of this request
                     * @example t=1772413200,v1=5257a869e7…
                     */
                    "X-Urbangrid-Signature": string;
                    /**
                     * @description The message id (the same as `id` in the body)
                     * @example 0195…​.case.filed.sms
                     */
                    "X-Urbangrid-Delivery": string;
                    /**
                     * @description reporter.<event>
                     * @example reporter.case.filed
                     */
                    "X-Urbangrid-Event": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "id": "0195f3c2-….case.closed.sms",
                     *       "to": "13912345678",
                     *       "message": "【城市综合管理服务平台】您反映的问题（案件编号 1501-20260302-0001）已处理完毕并结案。您对处理结果是否满意？请在此评价：https://city.example/r/…",
                     *       "language": "zh-CN",
                     *       "caseNo": "1501-20260302-0001",
                     *       "event": "case.closed"
                     *     }
                     */
                    "application/json": {
                        /** @description <case id>.<event>.sms: the adapter’s idempotency key */
                        id: string;
                        /** @description The reporter’s phone number as they gave it */
                        to: string;
                        /** @description The text to send, link included */
                        message: string;
                        /** @enum {string} */
                        language: "zh-CN" | "en";
                        caseNo: string;
                        /** @enum {string} */
                        event: "case.filed" | "case.dispatched" | "case.closed";
                    };
                };
            };
            responses: {
                /** @description Taken (any 2xx): the message is recorded as sent */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    police110: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 110 linkage (与110的对接): what the 110 subscription hears (integration police110)
         * @description A subscription made with `integration: "police110"` hears only two kinds of step: every step it asks for of the cases 110 handed over (source `police110`; `case.police110.callId` is 110’s call id), and `case.handedTo110` of any case the shift lead hands over to the police (POST /api/dispatch/cases/{id}/hand-over-110: closed with closureType `handed_to_110`, `case.handover.reason` says why). Signed, retried and ordered like every delivery (see caseEvent). 110 answers through its own key (source `police110`, scope `police110`), each request signed the same way with the key’s signing secret (shown once when the key is made) in `X-Urbangrid-Signature` — a missing or wrong signature, or a `t` more than 300 s from our clock, answers 401: POST /api/intake/police110/calls hands over an urban-management call (one case per `callId`: the same id again answers 200 with the same case), POST /api/intake/police110/updates posts its reference and status (accepted, dispatched, resolved, declined) of a case handed over to it (once per `updateId`), shown on the case (GET /api/cases/{id} `police110`).
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /**
                     * @description The signature of this delivery
                     * @example t=1772413200,v1=5257a869e7…
                     */
                    "X-Urbangrid-Signature": string;
                    /**
                     * @description The delivery id (the same as `id` in the body)
                     * @example 0b0e7c3e-…
                     */
                    "X-Urbangrid-Delivery": string;
                    /**
                     * @description The event (the same as `event` in the body)
                     * @example case.dispatched
                     */
                    "X-Urbangrid-Event": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The delivery id: the receiver’s idempotency key */
                        id: string;
                        /** @enum {string} */
                        event: "case.reported" | "case.verified" | "case.rejected" | "case.filed" | "case.dispatched" | "case.accepted" | "case.returned" | "case.handled" | "case.reviewed" | "case.reworked" | "case.suspended" | "case.resumed" | "case.extended" | "case.overdue" | "case.supervised" | "case.closed" | "case.cancelled" | "case.handedTo110";
                        /**
                         * Format: date-time
                         * @description When the step happened
                         */
                        occurredAt: string;
                        /** @description The case as the step left it (api.md case fields, none of the reporter) */
                        case: {
                            id: string;
                            caseNo: string;
                            city: string;
                            source?: string;
                            state: string;
                            version: number;
                            categoryCode?: string;
                            urgency?: string;
                            description?: string;
                            location?: {
                                lat?: number;
                                lng?: number;
                            };
                            address?: string | null;
                            gridCode?: string;
                            districtCode?: string;
                            departmentId?: string | null;
                            deadline?: {
                                stage?: string | null;
                                /** Format: date-time */
                                due?: string | null;
                                /** @enum {string} */
                                light?: "green" | "yellow" | "red";
                            };
                            reworkCount?: number;
                            /** Format: date-time */
                            createdAt?: string;
                            /** Format: date-time */
                            updatedAt?: string;
                            /** Format: date-time */
                            closedAt?: string | null;
                            /** @enum {string|null} */
                            closureType?: "on_time" | "overdue" | "special" | "handed_to_110" | null;
                            /** @description Only for a case 110 handed over (source police110): 110’s own call id */
                            police110?: {
                                callId?: string;
                            };
                            /** @description Only in case.handedTo110: why the shift lead handed the case over to 110 */
                            handover?: {
                                reason?: string;
                            };
                        };
                    };
                };
            };
            responses: {
                /** @description Accepted (any 2xx): the delivery is done */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Gone: the subscription ends, nothing more is sent to it */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface components {
    schemas: {
        ServiceQuestionInput: {
            code: string;
            /** @default true */
            variable: boolean;
            /** @enum {string} */
            datatype: "string" | "number" | "datetime" | "text" | "singlevaluelist" | "multivaluelist";
            /** @default false */
            required: boolean;
            /** @description The question in Chinese (Open311 description) */
            description: string;
            /** @description The question in English */
            descriptionEn: string;
            /**
             * @description How to answer, e.g. the unit (Open311 datatype_description)
             * @default null
             */
            datatypeDescription: string | null;
            order: number;
            /**
             * @description The choices of a list question (key and name); none for other types
             * @default []
             */
            values: {
                key: string;
                name: string;
                nameEn: string;
            }[];
        };
        CityBaseMapInput: {
            /** @constant */
            kind: "tiles";
            /** @description `{z}/{x}/{y}` tile URL template, `{s}` for subdomains */
            tiles: string;
            /** @default  */
            attribution: string;
            /**
             * @description the coordinate system the tiles are drawn in
             * @enum {string}
             */
            coordinates: "wgs84" | "gcj02";
            /** @default 18 */
            maxZoom: number;
        } | {
            /**
             * @description the base map drawn from the city's gazetteer
             * @constant
             */
            kind: "own";
        };
        InspectionChecklistItemInput: {
            /** @enum {string} */
            kind: "target" | "category";
            code: string;
            note?: string;
        };
        RankingConfigInput: {
            weights: {
                targets: number;
                cases: number;
                inspections: number;
                surveys: number;
            };
            praiseTop: number;
            praiseMinScore: number;
            criticiseBottom: number;
            criticiseBelow: number;
        };
        TargetAppliesToInput: {
            classes?: ("prefecture" | "county-level")[];
            cities?: string[];
            exceptCities?: string[];
            minPopulation?: number;
            maxPopulation?: number;
        };
        RegionIndicatorInput: {
            code: string;
            /** @description Chinese name (中文名称) */
            name: string;
            nameEn: string;
            /** @enum {string} */
            unit: "%" | "m²/人" | "km/km²" | "yes-no";
            /** @enum {string} */
            direction: "atLeast" | "atMost" | "about" | "yesNo";
            appliesTo: components["schemas"]["TargetAppliesToInput"];
            plan: string;
            /** @enum {string} */
            periodKind?: "month" | "quarter" | "year";
            targets: {
                year: number;
                value: number;
            }[];
        };
        SurveyQuestionInput: {
            code: string;
            text: string;
            textEn: string;
            /** @enum {string} */
            kind: "rating" | "yesNo" | "text";
        };
        /** @enum {string} */
        WebhookEventInput: "case.reported" | "case.verified" | "case.rejected" | "case.filed" | "case.dispatched" | "case.accepted" | "case.returned" | "case.handled" | "case.reviewed" | "case.reworked" | "case.suspended" | "case.resumed" | "case.extended" | "case.overdue" | "case.supervised" | "case.closed" | "case.cancelled" | "case.handedTo110";
        Police110CallInput: {
            /** @description 110’s id of the call: the same id again is the same case */
            callId: string;
            categoryCode: string;
            description: string;
            location: {
                lat: number;
                lng: number;
            };
            address?: string;
            reporter?: {
                name?: string;
                phone?: string;
                /** Format: email */
                email?: string;
                /** @enum {string} */
                language?: "zh-CN" | "en";
                updates?: boolean;
            };
            /** @enum {string} */
            urgency?: "normal" | "urgent";
        };
        Police110UpdateInput: {
            /** @description 110’s id of this update: posted again, it is recorded once */
            updateId: string;
            /** @description Our case number, as the case.handedTo110 delivery named it */
            caseNo: string;
            /** @description 110’s reference of the case (接警单号) */
            reference: string;
            /** @enum {string} */
            status: "accepted" | "dispatched" | "resolved" | "declined";
            note?: string;
            /** Format: date-time */
            occurredAt: string;
        };
        ServiceQuestion: {
            code: string;
            /** @default true */
            variable: boolean;
            /** @enum {string} */
            datatype: "string" | "number" | "datetime" | "text" | "singlevaluelist" | "multivaluelist";
            /** @default false */
            required: boolean;
            /** @description The question in Chinese (Open311 description) */
            description: string;
            /** @description The question in English */
            descriptionEn: string;
            /**
             * @description How to answer, e.g. the unit (Open311 datatype_description)
             * @default null
             */
            datatypeDescription: string | null;
            order: number;
            /**
             * @description The choices of a list question (key and name); none for other types
             * @default []
             */
            values: {
                key: string;
                name: string;
                nameEn: string;
            }[];
        };
        QuestionAnswer: {
            code: string;
            question: string;
            questionEn: string;
            value: string | string[];
            answer: string;
            answerEn: string;
        };
        CityBaseMap: {
            /** @constant */
            kind: "tiles";
            /** @description `{z}/{x}/{y}` tile URL template, `{s}` for subdomains */
            tiles: string;
            /** @default  */
            attribution: string;
            /**
             * @description the coordinate system the tiles are drawn in
             * @enum {string}
             */
            coordinates: "wgs84" | "gcj02";
            /** @default 18 */
            maxZoom: number;
        } | {
            /**
             * @description the base map drawn from the city's gazetteer
             * @constant
             */
            kind: "own";
        };
        RankingConfig: {
            weights: {
                targets: number;
                cases: number;
                inspections: number;
                surveys: number;
            };
            praiseTop: number;
            praiseMinScore: number;
            criticiseBottom: number;
            criticiseBelow: number;
        };
        TargetAppliesTo: {
            classes?: ("prefecture" | "county-level")[];
            cities?: string[];
            exceptCities?: string[];
            minPopulation?: number;
            maxPopulation?: number;
        };
        SurveyQuestion: {
            code: string;
            text: string;
            textEn: string;
            /** @enum {string} */
            kind: "rating" | "yesNo" | "text";
        };
        InspectionRound: {
            id: string;
            name: string;
            cities: string[];
            startsOn: string;
            endsOn: string;
            checklist: {
                /** @enum {string} */
                kind: "target" | "category";
                code: string;
                note: string | null;
            }[];
            version: number;
            createdBy: string;
            createdAt: string;
        };
        RegionIndicatorView: {
            code: string;
            name: string;
            nameEn: string;
            /** @enum {string} */
            unit: "%" | "m²/人" | "km/km²" | "yes-no";
            /** @enum {string} */
            direction: "atLeast" | "atMost" | "about" | "yesNo";
            appliesTo: components["schemas"]["TargetAppliesTo"];
            plan: string;
            /** @enum {string} */
            periodKind: "month" | "quarter" | "year";
            /** @enum {string} */
            measuredBy: "city" | "system";
            version: number;
            targets: {
                year: number;
                value: number;
                plan: string;
            }[];
        };
        SurveyCampaign: {
            id: string;
            city: string;
            name: string;
            opensOn: string;
            closesOn: string;
            questions: components["schemas"]["SurveyQuestion"][];
            version: number;
            createdBy: string;
            createdAt: string;
        };
        ApiKey: {
            id: string;
            name: string;
            city: string;
            source: string;
            scopes: string[];
            rateLimitPerMinute: number;
            createdAt: string;
            lastUsedAt: string | null;
            revokedAt: string | null;
            /** @description The ETag an edit names in If-Match */
            version: number;
        };
        CatalogueVersion: {
            version: string;
            name: string;
            nameEn: string;
            /** @description The day it comes into force; null for a draft */
            effectiveFrom: string | null;
            inForce: boolean;
            /** @description The ETag an edit names in If-Match */
            revision: number;
            categories: number;
            withdrawn: number;
        };
        CatalogueCategory: {
            /** @description 大类名称 */
            majorName: string;
            name: string;
            nameEn: string;
            /** @description 立案条件 */
            filingCondition: string;
            /** @description 结案条件 */
            closingCondition: string;
            timeLimits: {
                [key: string]: {
                    [key: string]: number;
                };
            };
            stageCalendars: {
                [key: string]: string;
            };
            /** @default null */
            defaultDepartmentCode: string | null;
            /**
             * @description The city of a local class (9x); null for a national category
             * @default null
             */
            city: string | null;
            code: string;
            catalogueVersion: string;
            /** @enum {string} */
            kind: "component" | "event";
            majorCode: string;
            minorCode: string;
            /** @description False once withdrawn (撤销) */
            active: boolean;
            /** @description The ETag an edit names in If-Match */
            version: number;
        };
        CategoryQuestions: {
            categoryCode: string;
            city: string;
            questions: components["schemas"]["ServiceQuestion"][];
            /** @description The ETag an edit names in If-Match (0: none written yet) */
            version: number;
        };
        AdminCity: {
            code: string;
            name: string;
            nameEn: string;
            timeZone: string;
            /** @description The city's base map (底图); null: the deployment's (BASE_MAP_TILES, else its own) */
            baseMap: components["schemas"]["CityBaseMap"] | null;
            retiredOn: string | null;
            version: number;
        };
        AdminArea: {
            code: string;
            city: string;
            /** @enum {string} */
            level: "district" | "street" | "community";
            parentCode: string | null;
            name: string;
            nameEn: string;
            population: number;
            areaKm2: number;
            retiredOn: string | null;
            version: number;
        };
        AdminDepartment: {
            id: string;
            city: string;
            code: string;
            name: string;
            nameEn: string;
            parentId: string | null;
            contactName: string | null;
            contactPhone: string | null;
            calendarCode: string;
            retiredOn: string | null;
            version: number;
        };
        EvaluationSettings: {
            version: number;
            effectiveFrom: string;
            createdAt: string | null;
            createdBy: string | null;
            config: {
                weights: {
                    officer: {
                        validReportRate: number;
                        onTimeVerificationRate: number;
                        onTimeCheckRate: number;
                        missedReportRate: number;
                    };
                    intakeOperator: {
                        volumeScore: number;
                        onTimeVerificationDispatchRate: number;
                        onTimeCheckDispatchRate: number;
                    };
                    shiftLead: {
                        onTimeFilingRate: number;
                        accurateFilingRate: number;
                        onTimeClosingRate: number;
                    };
                    dispatcher: {
                        volumeScore: number;
                        onTimeDispatchRate: number;
                        accurateDispatchRate: number;
                    };
                    department: {
                        handlingRate: number;
                        onTimeHandlingRate: number;
                        reworkRate: number;
                        overduePendingRate: number;
                        extensionRate: number;
                    };
                    area: {
                        closingRate: number;
                        onTimeClosingRate: number;
                        publicReportRate: number;
                    };
                };
                grades: {
                    bands: {
                        grade: string;
                        min: number;
                    }[];
                    below: string;
                };
                volumeBands: {
                    intakeOperator: {
                        atLeast: number;
                        score: number;
                    }[];
                    dispatcher: {
                        atLeast: number;
                        score: number;
                    }[];
                };
            };
        };
        RankingSettings: {
            version: number;
            effectiveFrom: string;
            createdBy: string | null;
            createdAt: string | null;
            config: components["schemas"]["RankingConfig"];
        };
        /** @enum {string} */
        Role: "grid_officer" | "intake_operator" | "shift_lead" | "dispatcher" | "department_handler" | "supervisor" | "region_supervisor" | "region_inspector" | "admin";
        /** @enum {string} */
        WebhookEvent: "case.reported" | "case.verified" | "case.rejected" | "case.filed" | "case.dispatched" | "case.accepted" | "case.returned" | "case.handled" | "case.reviewed" | "case.reworked" | "case.suspended" | "case.resumed" | "case.extended" | "case.overdue" | "case.supervised" | "case.closed" | "case.cancelled" | "case.handedTo110";
        WebhookSubscription: {
            id: string;
            city: string;
            /** @description Only cases with this department; null for the whole city */
            departmentId: string | null;
            /** @description An outside system’s subscription: police110 hears only the cases 110 handed over and those handed over to it */
            integration: "police110" | null;
            description: string | null;
            url: string;
            events: components["schemas"]["WebhookEvent"][];
            active: boolean;
            /** @description When it ended: its receiver answered 410 Gone */
            endedAt: string | null;
            endedReason: string | null;
            version: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        WebhookDelivery: {
            /** @description The delivery's id: the receiver's idempotency key */
            id: string;
            event: components["schemas"]["WebhookEvent"];
            caseId: string;
            caseNo: string;
            caseVersion: number;
            /** Format: date-time */
            occurredAt: string;
            /** @enum {string} */
            status: "pending" | "delivered" | "dead" | "cancelled";
            attempts: number;
            /** Format: date-time */
            retryUntil: string;
            lastAttemptAt: string | null;
            lastStatusCode: number | null;
            lastLatencyMs: number | null;
            lastError: string | null;
            deliveredAt: string | null;
        };
        /** @enum {string} */
        CaseState: "reported" | "verifying" | "verified" | "filed" | "dispatched" | "handling" | "suspended" | "handled" | "reviewing" | "reviewed" | "closed" | "rejected" | "cancelled";
        /** @enum {string} */
        Light: "green" | "yellow" | "red";
        /** @enum {string} */
        Urgency: "normal" | "urgent";
        /** @enum {string} */
        ReportSource: "hotline" | "app" | "officer" | "public" | "video" | "inspection" | "police110";
        Case: {
            id: string;
            caseNo: string;
            city: string;
            source: components["schemas"]["ReportSource"];
            state: components["schemas"]["CaseState"];
            version: number;
            categoryCode: string;
            urgency: components["schemas"]["Urgency"];
            description: string;
            location: {
                lat: number;
                lng: number;
            };
            address: string | null;
            gridCode: string;
            districtCode: string;
            streetCode: string;
            communityCode: string;
            departmentId: string | null;
            suggestedDepartmentId: string | null;
            assignee: string | null;
            deadline: {
                stage: string | null;
                due: string | null;
                light: components["schemas"]["Light"];
                beyondCalendar: boolean;
            };
            reworkCount: number;
            returnCount: number;
            returnedByDepartmentIds: string[];
            lastReturnReason: string | null;
            extensionCount: number;
            suspensionCount: number;
            supervised: boolean;
            selfHandled: boolean;
            flags: string[];
            duplicateOf: string | null;
            pendingRequest: {
                /** @enum {string} */
                kind: "extension" | "suspension";
                workMinutes: number | null;
                reason: string;
                requestedBy: string;
                at: string;
            } | null;
            reporter: {
                name: string | null;
                phone: string | null;
            } | null;
            reporterErasedAt: string | null;
            closureType: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            closedAt: string | null;
            allowedCommands: ("report" | "verify" | "file" | "reject" | "handOverTo110" | "dispatch" | "accept" | "complete" | "return" | "requestExtension" | "decideExtension" | "requestSuspension" | "decideSuspension" | "resume" | "check" | "close" | "cancel" | "reassign" | "superviseOrder" | "attachCall")[];
        };
        TimelineEntry: {
            seq: number;
            command: string;
            fromState: components["schemas"]["CaseState"] | null;
            toState: components["schemas"]["CaseState"];
            actor: string;
            /** Format: date-time */
            at: string;
            data: {
                [key: string]: unknown;
            };
        };
        CaseNames: {
            people: {
                [key: string]: string;
            };
            grid: {
                code: string;
                name: string;
            } | null;
            district: {
                code: string;
                name: string;
                nameEn: string;
            } | null;
        };
        CameraBurst: {
            cameraId: string;
            detections: number;
            /** Format: date-time */
            firstAt: string;
            /** Format: date-time */
            lastAt: string;
            latestMediaId: string | null;
        };
        Police110Link: {
            callId: string | null;
            reference: string | null;
            status: ("accepted" | "dispatched" | "resolved" | "declined") | null;
            updates: {
                updateId: string;
                reference: string;
                /** @enum {string} */
                status: "accepted" | "dispatched" | "resolved" | "declined";
                note: string | null;
                /** Format: date-time */
                occurredAt: string;
                /** Format: date-time */
                receivedAt: string;
            }[];
        };
        CaseCaller: {
            id: string;
            name: string | null;
            phone: string | null;
            description: string | null;
            wantsCallback: boolean;
            updates: boolean;
            attachedBy: string;
            /** Format: date-time */
            attachedAt: string;
        };
        CaseDetail: {
            id: string;
            caseNo: string;
            city: string;
            source: components["schemas"]["ReportSource"];
            state: components["schemas"]["CaseState"];
            version: number;
            categoryCode: string;
            urgency: components["schemas"]["Urgency"];
            description: string;
            location: {
                lat: number;
                lng: number;
            };
            address: string | null;
            gridCode: string;
            districtCode: string;
            streetCode: string;
            communityCode: string;
            departmentId: string | null;
            suggestedDepartmentId: string | null;
            assignee: string | null;
            deadline: {
                stage: string | null;
                due: string | null;
                light: components["schemas"]["Light"];
                beyondCalendar: boolean;
            };
            reworkCount: number;
            returnCount: number;
            returnedByDepartmentIds: string[];
            lastReturnReason: string | null;
            extensionCount: number;
            suspensionCount: number;
            supervised: boolean;
            selfHandled: boolean;
            flags: string[];
            duplicateOf: string | null;
            pendingRequest: {
                /** @enum {string} */
                kind: "extension" | "suspension";
                workMinutes: number | null;
                reason: string;
                requestedBy: string;
                at: string;
            } | null;
            reporter: {
                name: string | null;
                phone: string | null;
            } | null;
            reporterErasedAt: string | null;
            closureType: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            closedAt: string | null;
            allowedCommands: ("report" | "verify" | "file" | "reject" | "handOverTo110" | "dispatch" | "accept" | "complete" | "return" | "requestExtension" | "decideExtension" | "requestSuspension" | "decideSuspension" | "resume" | "check" | "close" | "cancel" | "reassign" | "superviseOrder" | "attachCall")[];
            callers?: components["schemas"]["CaseCaller"][];
            timeline: components["schemas"]["TimelineEntry"][];
            names: components["schemas"]["CaseNames"];
            cameraBurst?: components["schemas"]["CameraBurst"];
            police110?: components["schemas"]["Police110Link"];
            answers?: components["schemas"]["QuestionAnswer"][];
        };
        PossibleDuplicate: {
            id: string;
            caseNo: string;
            state: components["schemas"]["CaseState"];
            categoryCode: string;
            description: string;
            location: {
                lat: number;
                lng: number;
            };
            distanceMeters: number;
            createdAt: string;
        };
        ReportStatus: {
            id: string;
            caseNo: string;
            state: components["schemas"]["CaseState"];
            /** @enum {string} */
            status: "open" | "closed";
            categoryCode: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            closedAt: string | null;
        };
        InspectionFinding: {
            id: string;
            roundId: string;
            city: string;
            checklistItem: string | null;
            inspector: string;
            recordedAt: string;
            case: components["schemas"]["Case"];
        };
        ReporterPage: {
            caseNo: string;
            state: components["schemas"]["CaseState"];
            categoryCode: string;
            /** Format: date-time */
            createdAt: string;
            closedAt: string | null;
            updates: boolean;
            satisfaction: ("satisfied" | "unsatisfied") | null;
            canAnswer: boolean;
        };
        IndicatorReport: {
            city: string;
            indicatorCode: string;
            period: string;
            /** @enum {string} */
            state: "submitted" | "accepted" | "returned";
            version: number;
            value: number;
            note: string | null;
            /** @description Media ids (GET /api/intake/media/:id) */
            evidence: string[];
            returnReason: string | null;
            submittedBy: string;
            submittedAt: string;
            decidedBy: string | null;
            decidedAt: string | null;
        };
        RegionBulletin: {
            period: string;
            title: string;
            published: boolean;
            publishedAt: string | null;
            publishedBy: string | null;
            ranking: {
                period: string;
                /** @enum {string} */
                kind: "month" | "quarter";
                from: string;
                to: string;
                settingsVersion: number | null;
                config: components["schemas"]["RankingConfig"];
                noData: ("targets" | "cases" | "inspections" | "surveys")[];
                /** @enum {string} */
                previousRanksFrom: "published" | "recount" | "none";
                rows: {
                    city: string;
                    name: string;
                    score: number | null;
                    rank: number | null;
                    rankChange: number | null;
                    praised: boolean;
                    criticised: boolean;
                    components: {
                        targets: number | null;
                        cases: number | null;
                        inspections: number | null;
                        surveys: number | null;
                    };
                    cells: {
                        code: string;
                        name: string;
                        unit: string;
                        direction: string;
                        /** @enum {string} */
                        measuredBy: "city" | "system";
                        target: number | null;
                        value: number | null;
                        reportedFor: string | null;
                        attainment: number | null;
                        gap: number | null;
                        met: boolean;
                    }[];
                }[];
            };
            gaps: {
                city: string;
                name: string;
                rank: number | null;
                score: number | null;
                indicators: {
                    code: string;
                    name: string;
                    unit: string;
                    direction: string;
                    /** @enum {string} */
                    measuredBy: "city" | "system";
                    target: number | null;
                    value: number | null;
                    reportedFor: string | null;
                    attainment: number | null;
                    gap: number | null;
                    met: boolean;
                }[];
            }[];
            praised: {
                city: string;
                name: string;
                rank: number | null;
                score: number | null;
            }[];
            criticised: {
                city: string;
                name: string;
                rank: number | null;
                score: number | null;
            }[];
            recount: {
                countedAt: string;
                changed: boolean;
                rows: {
                    city: string;
                    name: string;
                    rank: number | null;
                    score: number | null;
                    scoreChange: number | null;
                    rankChanged: boolean;
                }[];
            } | null;
        };
        RegionRanking: {
            period: string;
            published: boolean;
            publishedAt: string | null;
            noData: ("targets" | "cases" | "inspections" | "surveys")[];
            rows: {
                city: string;
                name: string;
                score: number | null;
                rank: number | null;
                rankChange: number | null;
                praised: boolean;
                criticised: boolean;
                components: {
                    targets: number | null;
                    cases: number | null;
                    inspections: number | null;
                    surveys: number | null;
                };
            }[];
        };
        RegionSupervisionOrder: {
            id: string;
            city: string;
            /** @enum {string} */
            subject: "case" | "target";
            caseId: string | null;
            caseNo: string | null;
            indicatorCode: string | null;
            period: string | null;
            reason: string;
            facts: {
                [key: string]: unknown;
            } | null;
            issuedBy: string;
            issuedAt: string;
        };
        RegionCity: {
            code: string;
            name: string;
            nameEn: string;
            lat: number | null;
            lng: number | null;
            grids: number;
        };
        RegionScreen: {
            /** Format: date */
            today: string;
            /** Format: date */
            from: string;
            /** Format: date-time */
            generatedAt: string;
            cities: {
                code: string;
                name: string;
                nameEn: string;
                lat: number | null;
                lng: number | null;
                grids: number;
                /** Format: date */
                today: string;
                counters: {
                    received: number;
                    filed: number;
                    dispatched: number;
                    closed: number;
                    overdue: number;
                };
            }[];
            /** @description the cities' counters of today added up */
            totals: {
                received: number;
                filed: number;
                dispatched: number;
                closed: number;
                overdue: number;
            };
            trend: {
                /** Format: date */
                day: string;
                received: number;
                closed: number;
                overdue: number;
            }[];
            events: {
                city: string;
                caseId: string;
                caseNo: string;
                command: string;
                state: string;
                /** Format: date-time */
                at: string;
                categoryCode: string;
            }[];
        };
        AnalysisColumn: {
            /** @enum {string} */
            key: "key" | "name" | "period" | "received" | "dispatched" | "handled" | "closed" | "overdue" | "onTimeHandlingRate" | "onTimeClosingRate" | "answered" | "satisfied" | "satisfactionRate";
            label: {
                "zh-CN": string;
                en: string;
            };
            /** @constant */
            kind?: "rate";
        };
        IndicatorValues: {
            validReportRate?: number | null;
            onTimeVerificationRate?: number | null;
            onTimeCheckRate?: number | null;
            missedReportRate?: number | null;
            volumeScore?: number | null;
            onTimeVerificationDispatchRate?: number | null;
            onTimeCheckDispatchRate?: number | null;
            onTimeFilingRate?: number | null;
            accurateFilingRate?: number | null;
            onTimeClosingRate?: number | null;
            onTimeDispatchRate?: number | null;
            accurateDispatchRate?: number | null;
            handlingRate?: number | null;
            onTimeHandlingRate?: number | null;
            reworkRate?: number | null;
            overduePendingRate?: number | null;
            extensionRate?: number | null;
            closingRate?: number | null;
            publicReportRate?: number | null;
            casesPerKm2?: number | null;
            casesPer10kPeople?: number | null;
        };
        IndicatorColumn: {
            /** @enum {string} */
            key: "validReportRate" | "onTimeVerificationRate" | "onTimeCheckRate" | "missedReportRate" | "volumeScore" | "onTimeVerificationDispatchRate" | "onTimeCheckDispatchRate" | "onTimeFilingRate" | "accurateFilingRate" | "onTimeClosingRate" | "onTimeDispatchRate" | "accurateDispatchRate" | "handlingRate" | "onTimeHandlingRate" | "reworkRate" | "overduePendingRate" | "extensionRate" | "closingRate" | "publicReportRate" | "casesPerKm2" | "casesPer10kPeople";
            label: {
                "zh-CN": string;
                en: string;
            };
            /** @enum {string} */
            format: "share" | "number";
            direction: ("higher" | "lower") | null;
            weight: number | null;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type ServiceQuestionInput = components['schemas']['ServiceQuestionInput'];
export type CityBaseMapInput = components['schemas']['CityBaseMapInput'];
export type InspectionChecklistItemInput = components['schemas']['InspectionChecklistItemInput'];
export type RankingConfigInput = components['schemas']['RankingConfigInput'];
export type TargetAppliesToInput = components['schemas']['TargetAppliesToInput'];
export type RegionIndicatorInput = components['schemas']['RegionIndicatorInput'];
export type SurveyQuestionInput = components['schemas']['SurveyQuestionInput'];
export type WebhookEventInput = components['schemas']['WebhookEventInput'];
export type Police110CallInput = components['schemas']['Police110CallInput'];
export type Police110UpdateInput = components['schemas']['Police110UpdateInput'];
export type ServiceQuestion = components['schemas']['ServiceQuestion'];
export type QuestionAnswer = components['schemas']['QuestionAnswer'];
export type CityBaseMap = components['schemas']['CityBaseMap'];
export type RankingConfig = components['schemas']['RankingConfig'];
export type TargetAppliesTo = components['schemas']['TargetAppliesTo'];
export type SurveyQuestion = components['schemas']['SurveyQuestion'];
export type InspectionRound = components['schemas']['InspectionRound'];
export type RegionIndicatorView = components['schemas']['RegionIndicatorView'];
export type SurveyCampaign = components['schemas']['SurveyCampaign'];
export type ApiKey = components['schemas']['ApiKey'];
export type CatalogueVersion = components['schemas']['CatalogueVersion'];
export type CatalogueCategory = components['schemas']['CatalogueCategory'];
export type CategoryQuestions = components['schemas']['CategoryQuestions'];
export type AdminCity = components['schemas']['AdminCity'];
export type AdminArea = components['schemas']['AdminArea'];
export type AdminDepartment = components['schemas']['AdminDepartment'];
export type EvaluationSettings = components['schemas']['EvaluationSettings'];
export type RankingSettings = components['schemas']['RankingSettings'];
export type Role = components['schemas']['Role'];
export type WebhookEvent = components['schemas']['WebhookEvent'];
export type WebhookSubscription = components['schemas']['WebhookSubscription'];
export type WebhookDelivery = components['schemas']['WebhookDelivery'];
export type CaseState = components['schemas']['CaseState'];
export type Light = components['schemas']['Light'];
export type Urgency = components['schemas']['Urgency'];
export type ReportSource = components['schemas']['ReportSource'];
export type Case = components['schemas']['Case'];
export type TimelineEntry = components['schemas']['TimelineEntry'];
export type CaseNames = components['schemas']['CaseNames'];
export type CameraBurst = components['schemas']['CameraBurst'];
export type Police110Link = components['schemas']['Police110Link'];
export type CaseCaller = components['schemas']['CaseCaller'];
export type CaseDetail = components['schemas']['CaseDetail'];
export type PossibleDuplicate = components['schemas']['PossibleDuplicate'];
export type ReportStatus = components['schemas']['ReportStatus'];
export type InspectionFinding = components['schemas']['InspectionFinding'];
export type ReporterPage = components['schemas']['ReporterPage'];
export type IndicatorReport = components['schemas']['IndicatorReport'];
export type RegionBulletin = components['schemas']['RegionBulletin'];
export type RegionRanking = components['schemas']['RegionRanking'];
export type RegionSupervisionOrder = components['schemas']['RegionSupervisionOrder'];
export type RegionCity = components['schemas']['RegionCity'];
export type RegionScreen = components['schemas']['RegionScreen'];
export type AnalysisColumn = components['schemas']['AnalysisColumn'];
export type IndicatorValues = components['schemas']['IndicatorValues'];
export type IndicatorColumn = components['schemas']['IndicatorColumn'];
export type $defs = Record<string, never>;
type FlattenedDeepRequired<T> = {
    [K in keyof T]-?: FlattenedDeepRequired<T[K] extends unknown[] | undefined | null ? Extract<T[K], unknown[]>[number] : T[K]>;
};
type ReadonlyArray<T> = [
    Exclude<T, undefined>
] extends [
    unknown[]
] ? Readonly<Exclude<T, undefined>> : Readonly<Exclude<T, undefined>[]>;
export interface operations {
    attachCall: {
        parameters: {
            query?: never;
            header?: {
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    description?: string;
                    reporter?: {
                        name?: string;
                        phone?: string;
                        /** Format: email */
                        email?: string;
                        /** @enum {string} */
                        language?: "zh-CN" | "en";
                        updates?: boolean;
                    };
                    callId?: string;
                    wantsCallback?: boolean;
                    expectedVersion?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        caseNo: string;
                        city: string;
                        source: components["schemas"]["ReportSource"];
                        state: components["schemas"]["CaseState"];
                        version: number;
                        categoryCode: string;
                        urgency: components["schemas"]["Urgency"];
                        description: string;
                        location: {
                            lat: number;
                            lng: number;
                        };
                        address: string | null;
                        gridCode: string;
                        districtCode: string;
                        streetCode: string;
                        communityCode: string;
                        departmentId: string | null;
                        suggestedDepartmentId: string | null;
                        assignee: string | null;
                        deadline: {
                            stage: string | null;
                            due: string | null;
                            light: components["schemas"]["Light"];
                            beyondCalendar: boolean;
                        };
                        reworkCount: number;
                        returnCount: number;
                        returnedByDepartmentIds: string[];
                        lastReturnReason: string | null;
                        extensionCount: number;
                        suspensionCount: number;
                        supervised: boolean;
                        selfHandled: boolean;
                        flags: string[];
                        duplicateOf: string | null;
                        pendingRequest: {
                            /** @enum {string} */
                            kind: "extension" | "suspension";
                            workMinutes: number | null;
                            reason: string;
                            requestedBy: string;
                            at: string;
                        } | null;
                        reporter: {
                            name: string | null;
                            phone: string | null;
                        } | null;
                        reporterErasedAt: string | null;
                        closureType: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                        closedAt: string | null;
                        allowedCommands: ("report" | "verify" | "file" | "reject" | "handOverTo110" | "dispatch" | "accept" | "complete" | "return" | "requestExtension" | "decideExtension" | "requestSuspension" | "decideSuspension" | "resume" | "check" | "close" | "cancel" | "reassign" | "superviseOrder" | "attachCall")[];
                        callerId: string;
                    };
                };
            };
        };
    };
    verify: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    expectedVersion?: number;
                    found: boolean;
                    note?: string;
                    mediaIds?: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Case"];
                };
            };
        };
    };
    file: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    expectedVersion?: number;
                    categoryCode?: string;
                    /** @enum {string} */
                    urgency?: "normal" | "urgent";
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Case"];
                };
            };
        };
    };
    reject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    expectedVersion?: number;
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Case"];
                };
            };
        };
    };
    dispatch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    expectedVersion?: number;
                    departmentId: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Case"];
                };
            };
        };
    };
    handOverTo110: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    expectedVersion?: number;
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Case"];
                };
            };
        };
    };
    cancel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    expectedVersion?: number;
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Case"];
                };
            };
        };
    };
    reassign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    expectedVersion?: number;
                    officer: string;
                    note?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Case"];
                };
            };
        };
    };
    decideExtension: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    expectedVersion?: number;
                    approve: boolean;
                    note?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Case"];
                };
            };
        };
    };
    decideSuspension: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    expectedVersion?: number;
                    approve: boolean;
                    note?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Case"];
                };
            };
        };
    };
    superviseOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    expectedVersion?: number;
                    note?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Case"];
                };
            };
        };
    };
    accept: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    expectedVersion?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Case"];
                };
            };
        };
    };
    complete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    expectedVersion?: number;
                    note: string;
                    mediaIds?: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Case"];
                };
            };
        };
    };
    return: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    expectedVersion?: number;
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Case"];
                };
            };
        };
    };
    requestExtension: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    expectedVersion?: number;
                    workMinutes: number;
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Case"];
                };
            };
        };
    };
    requestSuspension: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    expectedVersion?: number;
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Case"];
                };
            };
        };
    };
    resume: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    expectedVersion?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Case"];
                };
            };
        };
    };
    check: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    expectedVersion?: number;
                    fixed: boolean;
                    note?: string;
                    mediaIds?: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Case"];
                };
            };
        };
    };
    close: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    expectedVersion?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Case"];
                };
            };
        };
    };
}
export const webhooksCaseEventPostRequestBodyContentApplicationJsonEventValues: ReadonlyArray<FlattenedDeepRequired<webhooks>["caseEvent"]["post"]["requestBody"]["content"]["application/json"]["event"]> = ["case.reported", "case.verified", "case.rejected", "case.filed", "case.dispatched", "case.accepted", "case.returned", "case.handled", "case.reviewed", "case.reworked", "case.suspended", "case.resumed", "case.extended", "case.overdue", "case.supervised", "case.closed", "case.cancelled", "case.handedTo110"];
export const webhooksCaseEventPostRequestBodyContentApplicationJsonCaseDeadlineLightValues: ReadonlyArray<FlattenedDeepRequired<webhooks>["caseEvent"]["post"]["requestBody"]["content"]["application/json"]["case"]["deadline"]["light"]> = ["green", "yellow", "red"];
export const webhooksReporterSmsPostRequestBodyContentApplicationJsonLanguageValues: ReadonlyArray<FlattenedDeepRequired<webhooks>["reporterSms"]["post"]["requestBody"]["content"]["application/json"]["language"]> = ["zh-CN", "en"];
export const webhooksReporterSmsPostRequestBodyContentApplicationJsonEventValues: ReadonlyArray<FlattenedDeepRequired<webhooks>["reporterSms"]["post"]["requestBody"]["content"]["application/json"]["event"]> = ["case.filed", "case.dispatched", "case.closed"];
export const webhooksPolice110PostRequestBodyContentApplicationJsonEventValues: ReadonlyArray<FlattenedDeepRequired<webhooks>["police110"]["post"]["requestBody"]["content"]["application/json"]["event"]> = ["case.reported", "case.verified", "case.rejected", "case.filed", "case.dispatched", "case.accepted", "case.returned", "case.handled", "case.reviewed", "case.reworked", "case.suspended", "case.resumed", "case.extended", "case.overdue", "case.supervised", "case.closed", "case.cancelled", "case.handedTo110"];
export const webhooksPolice110PostRequestBodyContentApplicationJsonCaseDeadlineLightValues: ReadonlyArray<FlattenedDeepRequired<webhooks>["police110"]["post"]["requestBody"]["content"]["application/json"]["case"]["deadline"]["light"]> = ["green", "yellow", "red"];
export const serviceQuestionInputDatatypeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ServiceQuestionInput"]["datatype"]> = ["string", "number", "datetime", "text", "singlevaluelist", "multivaluelist"];
export const cityBaseMapInputOneOf0CoordinatesValues: ReadonlyArray<Extract<FlattenedDeepRequired<components>["schemas"]["CityBaseMapInput"], {
    coordinates: unknown;
}>["coordinates"]> = ["wgs84", "gcj02"];
export const inspectionChecklistItemInputKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["InspectionChecklistItemInput"]["kind"]> = ["target", "category"];
export const targetAppliesToInputClassesValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["TargetAppliesToInput"]["classes"]> = ["prefecture", "county-level"];
export const regionIndicatorInputUnitValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["RegionIndicatorInput"]["unit"]> = ["%", "m\u00B2/\u4EBA", "km/km\u00B2", "yes-no"];
export const regionIndicatorInputDirectionValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["RegionIndicatorInput"]["direction"]> = ["atLeast", "atMost", "about", "yesNo"];
export const regionIndicatorInputPeriodKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["RegionIndicatorInput"]["periodKind"]> = ["month", "quarter", "year"];
export const surveyQuestionInputKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["SurveyQuestionInput"]["kind"]> = ["rating", "yesNo", "text"];
export const webhookEventInputValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["WebhookEventInput"]> = ["case.reported", "case.verified", "case.rejected", "case.filed", "case.dispatched", "case.accepted", "case.returned", "case.handled", "case.reviewed", "case.reworked", "case.suspended", "case.resumed", "case.extended", "case.overdue", "case.supervised", "case.closed", "case.cancelled", "case.handedTo110"];
export const police110CallInputReporterLanguageValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["Police110CallInput"]["reporter"]["language"]> = ["zh-CN", "en"];
export const police110CallInputUrgencyValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["Police110CallInput"]["urgency"]> = ["normal", "urgent"];
export const police110UpdateInputStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["Police110UpdateInput"]["status"]> = ["accepted", "dispatched", "resolved", "declined"];
export const serviceQuestionDatatypeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ServiceQuestion"]["datatype"]> = ["string", "number", "datetime", "text", "singlevaluelist", "multivaluelist"];
export const cityBaseMapOneOf0CoordinatesValues: ReadonlyArray<Extract<FlattenedDeepRequired<components>["schemas"]["CityBaseMap"], {
    coordinates: unknown;
}>["coordinates"]> = ["wgs84", "gcj02"];
export const targetAppliesToClassesValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["TargetAppliesTo"]["classes"]> = ["prefecture", "county-level"];
export const surveyQuestionKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["SurveyQuestion"]["kind"]> = ["rating", "yesNo", "text"];
export const inspectionRoundChecklistKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["InspectionRound"]["checklist"]["kind"]> = ["target", "category"];
export const regionIndicatorViewUnitValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["RegionIndicatorView"]["unit"]> = ["%", "m\u00B2/\u4EBA", "km/km\u00B2", "yes-no"];
export const regionIndicatorViewDirectionValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["RegionIndicatorView"]["direction"]> = ["atLeast", "atMost", "about", "yesNo"];
export const regionIndicatorViewPeriodKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["RegionIndicatorView"]["periodKind"]> = ["month", "quarter", "year"];
export const regionIndicatorViewMeasuredByValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["RegionIndicatorView"]["measuredBy"]> = ["city", "system"];
export const catalogueCategoryKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["CatalogueCategory"]["kind"]> = ["component", "event"];
export const adminAreaLevelValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AdminArea"]["level"]> = ["district", "street", "community"];
export const roleValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["Role"]> = ["grid_officer", "intake_operator", "shift_lead", "dispatcher", "department_handler", "supervisor", "region_supervisor", "region_inspector", "admin"];
export const webhookEventValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["WebhookEvent"]> = ["case.reported", "case.verified", "case.rejected", "case.filed", "case.dispatched", "case.accepted", "case.returned", "case.handled", "case.reviewed", "case.reworked", "case.suspended", "case.resumed", "case.extended", "case.overdue", "case.supervised", "case.closed", "case.cancelled", "case.handedTo110"];
export const webhookSubscriptionIntegrationAnyOf0Values: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["WebhookSubscription"]["integration"]> = ["police110"];
export const webhookDeliveryStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["WebhookDelivery"]["status"]> = ["pending", "delivered", "dead", "cancelled"];
export const caseStateValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["CaseState"]> = ["reported", "verifying", "verified", "filed", "dispatched", "handling", "suspended", "handled", "reviewing", "reviewed", "closed", "rejected", "cancelled"];
export const lightValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["Light"]> = ["green", "yellow", "red"];
export const urgencyValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["Urgency"]> = ["normal", "urgent"];
export const reportSourceValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ReportSource"]> = ["hotline", "app", "officer", "public", "video", "inspection", "police110"];
export const casePendingRequestAnyOf0KindValues: ReadonlyArray<Extract<FlattenedDeepRequired<components>["schemas"]["Case"]["pendingRequest"], {
    kind: unknown;
}>["kind"]> = ["extension", "suspension"];
export const caseAllowedCommandsValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["Case"]["allowedCommands"]> = ["report", "verify", "file", "reject", "handOverTo110", "dispatch", "accept", "complete", "return", "requestExtension", "decideExtension", "requestSuspension", "decideSuspension", "resume", "check", "close", "cancel", "reassign", "superviseOrder", "attachCall"];
export const police110LinkStatusAnyOf0Values: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["Police110Link"]["status"]> = ["accepted", "dispatched", "resolved", "declined"];
export const police110LinkUpdatesStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["Police110Link"]["updates"]["status"]> = ["accepted", "dispatched", "resolved", "declined"];
export const caseDetailPendingRequestAnyOf0KindValues: ReadonlyArray<Extract<FlattenedDeepRequired<components>["schemas"]["CaseDetail"]["pendingRequest"], {
    kind: unknown;
}>["kind"]> = ["extension", "suspension"];
export const caseDetailAllowedCommandsValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["CaseDetail"]["allowedCommands"]> = ["report", "verify", "file", "reject", "handOverTo110", "dispatch", "accept", "complete", "return", "requestExtension", "decideExtension", "requestSuspension", "decideSuspension", "resume", "check", "close", "cancel", "reassign", "superviseOrder", "attachCall"];
export const reportStatusStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ReportStatus"]["status"]> = ["open", "closed"];
export const reporterPageSatisfactionAnyOf0Values: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ReporterPage"]["satisfaction"]> = ["satisfied", "unsatisfied"];
export const indicatorReportStateValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["IndicatorReport"]["state"]> = ["submitted", "accepted", "returned"];
export const regionBulletinRankingKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["RegionBulletin"]["ranking"]["kind"]> = ["month", "quarter"];
export const regionBulletinRankingNoDataValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["RegionBulletin"]["ranking"]["noData"]> = ["targets", "cases", "inspections", "surveys"];
export const regionBulletinRankingPreviousRanksFromValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["RegionBulletin"]["ranking"]["previousRanksFrom"]> = ["published", "recount", "none"];
export const regionBulletinRankingRowsCellsMeasuredByValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["RegionBulletin"]["ranking"]["rows"]["cells"]["measuredBy"]> = ["city", "system"];
export const regionBulletinGapsIndicatorsMeasuredByValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["RegionBulletin"]["gaps"]["indicators"]["measuredBy"]> = ["city", "system"];
export const regionRankingNoDataValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["RegionRanking"]["noData"]> = ["targets", "cases", "inspections", "surveys"];
export const regionSupervisionOrderSubjectValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["RegionSupervisionOrder"]["subject"]> = ["case", "target"];
export const analysisColumnKeyValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AnalysisColumn"]["key"]> = ["key", "name", "period", "received", "dispatched", "handled", "closed", "overdue", "onTimeHandlingRate", "onTimeClosingRate", "answered", "satisfied", "satisfactionRate"];
export const indicatorColumnKeyValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["IndicatorColumn"]["key"]> = ["validReportRate", "onTimeVerificationRate", "onTimeCheckRate", "missedReportRate", "volumeScore", "onTimeVerificationDispatchRate", "onTimeCheckDispatchRate", "onTimeFilingRate", "accurateFilingRate", "onTimeClosingRate", "onTimeDispatchRate", "accurateDispatchRate", "handlingRate", "onTimeHandlingRate", "reworkRate", "overduePendingRate", "extensionRate", "closingRate", "publicReportRate", "casesPerKm2", "casesPer10kPeople"];
export const indicatorColumnFormatValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["IndicatorColumn"]["format"]> = ["share", "number"];
export const indicatorColumnDirectionAnyOf0Values: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["IndicatorColumn"]["direction"]> = ["higher", "lower"];
