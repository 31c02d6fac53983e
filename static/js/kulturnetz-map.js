/*
 * Kulturnetz map: Leaflet (static files of the django-leaflet package) with OpenStreetMap tiles.
 * Two clicks: nothing of the map (Leaflet, the places, a tile) is requested before the visitor
 * clicks "Karte laden", or has ticked "Auswahl merken" before; "Karte ausblenden" on the map
 * takes the map away and forgets that choice. Configuration and German words come from the page
 * (templates/kulturnetz/includes/map.html, kulturnetz/map.py). Plain ES2017.
 */
(function () {
    'use strict';

    // localStorage, not a cookie: the choice never leaves the browser.
    const REMEMBER_KEY = 'kulturnetz-map-consent';
    // The middle of Landau, for a map without any place to show.
    const LANDAU = [49.1994, 8.1183];
    const DETAIL_ZOOM = 16;

    function isRemembered() {
        try {
            return window.localStorage.getItem(REMEMBER_KEY) === 'yes';
        } catch (error) {
            return false;   // storage blocked: ask every time
        }
    }

    function remember(yes) {
        try {
            if (yes) {
                window.localStorage.setItem(REMEMBER_KEY, 'yes');
            } else {
                window.localStorage.removeItem(REMEMBER_KEY);
            }
        } catch (error) {
            // Storage blocked: the choice simply is not remembered.
        }
    }

    let leafletLoading = null;

    function loadFile(tagName, attributes) {
        return new Promise((resolve, reject) => {
            const element = document.createElement(tagName);
            Object.keys(attributes).forEach((name) => element.setAttribute(name, attributes[name]));
            element.addEventListener('load', resolve);
            element.addEventListener('error', reject);
            document.head.appendChild(element);
        });
    }

    function loadLeaflet(files) {
        if (!leafletLoading) {
            leafletLoading = Promise.all([
                loadFile('link', { rel: 'stylesheet', href: files.css }),
                loadFile('script', { src: files.js }),
            ]).then(() => window.L);
        }
        return leafletLoading;
    }

    function loadPlaces(config) {
        if (config.features) {
            return Promise.resolve(config.features);
        }
        return fetch(config.source, {
            credentials: 'same-origin',
            headers: { Accept: 'application/geo+json' },
        }).then((response) => {
            if (!response.ok) {
                throw new Error(`GeoJSON: ${response.status}`);
            }
            return response.json();
        });
    }

    function paragraph(text, className) {
        const element = document.createElement('p');
        element.textContent = text;
        if (className) {
            element.className = className;
        }
        return element;
    }

    // The popup of a place, built from text nodes only: names and addresses are never HTML.
    function popupContent(properties, labels) {
        const content = document.createElement('div');
        if (properties.language) {
            content.lang = properties.language;
        }
        const title = paragraph('', 'kn-map__popup-title');
        if (properties.url) {
            const link = document.createElement('a');
            link.href = properties.url;
            link.textContent = properties.name;
            title.appendChild(link);
        } else {
            title.textContent = properties.name;
        }
        content.appendChild(title);
        const kind = [properties.kind_label, properties.district].filter(Boolean).join(' · ');
        if (kind) {
            content.appendChild(paragraph(kind));
        }
        if (properties.address) {
            content.appendChild(paragraph(properties.address));
        }
        if (properties.next_date) {
            const format = new Intl.DateTimeFormat(document.documentElement.lang || 'de', {
                dateStyle: 'medium',
                timeStyle: 'short',
                timeZone: 'Europe/Berlin',
            });
            const when = format.format(new Date(properties.next_date));
            content.appendChild(paragraph(`${labels.nextDate}: ${when}`));
        }
        return content;
    }

    function initMap(widget) {
        const config = JSON.parse(document.getElementById(widget.dataset.knMap).textContent);
        const labels = config.labels;
        const consent = widget.querySelector('.kn-map__consent');
        const choice = widget.querySelector('.kn-map__choice');
        const button = widget.querySelector('.kn-map__load');
        const rememberBox = widget.querySelector('input[type="checkbox"]');
        const canvas = widget.querySelector('.kn-map__canvas');
        const status = widget.parentNode.querySelector('[data-kn-map-status]');
        let map = null;

        function say(text) {
            if (status) {
                status.textContent = text;
            }
        }

        function removeMap() {
            if (map) {
                map.remove();
                map = null;
            }
            // Leaflet leaves its classes and focus stop on the element; a new map starts clean.
            canvas.className = 'kn-map__canvas';
            canvas.removeAttribute('tabindex');
            canvas.removeAttribute('style');
        }

        function hide() {
            removeMap();
            remember(false);
            rememberBox.checked = false;
            canvas.hidden = true;
            consent.hidden = false;
            say(labels.hidden);
            button.focus();
        }

        function addHideControl(L) {
            const HideControl = L.Control.extend({
                options: { position: 'topright' },
                onAdd() {
                    const hideButton = L.DomUtil.create('button', 'button kn-map__hide');
                    hideButton.type = 'button';
                    hideButton.textContent = labels.hide;
                    L.DomEvent.disableClickPropagation(hideButton);
                    L.DomEvent.on(hideButton, 'click', hide);
                    return hideButton;
                },
            });
            new HideControl().addTo(map);
        }

        function show(byClick) {
            button.disabled = true;
            return Promise.all([loadLeaflet(config.leaflet), loadPlaces(config)]).then(([L, places]) => {
                consent.hidden = true;
                canvas.hidden = false;
                const calm = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
                map = L.map(canvas, {
                    zoomControl: false,
                    // The page scrolls on; zoom with the buttons, the keys + and -, or two fingers.
                    scrollWheelZoom: false,
                    fadeAnimation: !calm,
                    zoomAnimation: !calm,
                    markerZoomAnimation: !calm,
                });
                map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
                L.control.zoom({ zoomInTitle: labels.zoomIn, zoomOutTitle: labels.zoomOut }).addTo(map);
                addHideControl(L);
                L.tileLayer(config.tiles, {
                    attribution: config.attribution,
                    maxZoom: config.maxZoom,
                    // The tile server learns the site, not the page (the site itself sends none).
                    referrerPolicy: 'strict-origin',
                }).addTo(map);
                const icon = L.icon({
                    iconUrl: config.leaflet.icon,
                    iconRetinaUrl: config.leaflet.icon2x,
                    shadowUrl: config.leaflet.shadow,
                    iconSize: [25, 41],
                    iconAnchor: [12, 41],
                    popupAnchor: [1, -34],
                    shadowSize: [41, 41],
                });
                const layer = L.geoJSON(places, {
                    pointToLayer: (feature, latlng) => L.marker(latlng, {
                        icon,
                        title: feature.properties.name,
                        alt: feature.properties.name,
                    }),
                    onEachFeature: (feature, marker) => {
                        // Open clear of the zoom buttons (top left) and "Karte ausblenden".
                        marker.bindPopup(() => popupContent(feature.properties, labels), {
                            autoPanPaddingTopLeft: [60, 64],
                        });
                    },
                }).addTo(map);
                const bounds = layer.getBounds();
                if (!bounds.isValid()) {
                    map.setView(LANDAU, 13);
                } else if (places.features.length === 1) {
                    map.setView(bounds.getCenter(), DETAIL_ZOOM);
                } else {
                    map.fitBounds(bounds, { padding: [32, 32], maxZoom: DETAIL_ZOOM });
                }
                say(labels.loaded);
                if (byClick) {
                    canvas.focus();   // the button the focus was on is gone
                }
            }).catch(() => {
                removeMap();
                canvas.hidden = true;
                consent.hidden = false;
                say(labels.failed);
            }).then(() => {
                button.disabled = false;
            });
        }

        button.addEventListener('click', () => {
            remember(rememberBox.checked);
            show(true);
        });
        choice.hidden = false;
        if (isRemembered()) {
            rememberBox.checked = true;
            show(false);
        }
    }

    document.querySelectorAll('[data-kn-map]').forEach(initMap);
}());
