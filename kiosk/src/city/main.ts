/** Entry of /city/: registers the page's elements (index.html renders <asg-city-app>). */
import './asg-city-app.js'
